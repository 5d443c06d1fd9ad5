package se.fragafacket.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.langchain4j.model.input.PromptTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/**
 * The texts staff may edit: the model's instructions ({@code system.txt}), the message that carries passages
 * and question to it ({@code question.txt}), and what members are told when the documents hold no answer
 * ({@code no-answer.txt}, a line per language). Defaults ship inside the jar ({@code prompts/} on the
 * classpath); a file of the same name in {@code fraga.llm.prompts-dir}, where that folder exists, replaces
 * the default. Read once at start.
 *
 * <p>Templates are filled once, by LangChain4j's {@link PromptTemplate}: a value is never searched for
 * {@code {{…}}} again, so a passage or a question holding "{{question}}" stays as written. Passages and the
 * question are fenced as data: each of their lines is quoted with {@value #QUOTE}, so no text of a document
 * can start a line that looks like the template's own "[n]" passage heads or its "Fråga" line, and a
 * bracketed number inside a passage becomes "(n)", so a passage cannot pose as another passage's citation.
 */
@Component
public class Prompts {

    /** How every line of a passage or a question starts in the message to the model. */
    static final String QUOTE = "| ";
    private static final Logger log = LoggerFactory.getLogger(Prompts.class);
    private static final String BUILT_IN = "prompts/";
    private static final Pattern BRACKETED_NUMBER = Pattern.compile("\\[(\\s*\\d[\\d,\\s]*)]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");

    private final String system;
    private final PromptTemplate question;
    private final Map<Language, String> noAnswer = new EnumMap<>(Language.class);

    public Prompts(LlmProperties llm, AnswerProperties answers) {
        Path folder = llm.promptsDir() == null || llm.promptsDir().isBlank() ? null
                : Path.of(llm.promptsDir()).toAbsolutePath().normalize();
        boolean own = folder != null && Files.isDirectory(folder);
        Map<String, Object> helpLine = Map.of("helpLine", answers.helpLine());
        this.system = fill(read(own ? folder : null, "system.txt"), "system.txt", helpLine);
        this.question = template(own ? folder : null, "question.txt");
        String noAnswerSource = own && Files.isRegularFile(folder.resolve("no-answer.txt"))
                ? folder.resolve("no-answer.txt").toString() : "the built-in no-answer.txt";
        for (String line : read(own ? folder : null, "no-answer.txt").split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                Language language = Language.fromCode(line.substring(0, colon).strip());
                noAnswer.put(language, fill(line.substring(colon + 1).strip(), "no-answer.txt", helpLine));
            }
        }
        if (!noAnswer.containsKey(Language.SV)) {
            throw new IllegalStateException(noAnswerSource + " needs a line 'sv: …'");
        }
        List<String> replaced = own ? List.of("system.txt", "question.txt", "no-answer.txt").stream()
                .filter(name -> Files.isRegularFile(folder.resolve(name))).toList() : List.of();
        if (!replaced.isEmpty()) {
            log.info("Prompts: {} from {}, the others built in", String.join(", ", replaced), folder);
        } else {
            log.info("Prompts: the built-in ones{}", folder == null ? ""
                    : " (put system.txt, question.txt or no-answer.txt in " + folder + " to replace them)");
        }
    }

    /** The model's instructions. */
    public String system() {
        return system;
    }

    /** The message to the model: the template filled once with the fenced passages, the question and its language. */
    public String question(List<Passage> passages, String question, Language language) {
        return this.question.apply(Map.of(
                "passages", fenced(passages),
                "question", quoted(question),
                "language", switch (language) {
                    case SV -> "svenska";
                    case NO -> "norska";
                    case EN -> "engelska";
                })).text();
    }

    /** What a member is told when the documents hold no answer, in their language. */
    public String noAnswer(Language language) {
        return noAnswer.getOrDefault(language, noAnswer.get(Language.SV));
    }

    /** The passages numbered from 1: "[n] where it stands", then its text, every line quoted. */
    static String fenced(List<Passage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            String where = LINE_BREAKS.matcher(neutral(passage.headingPath())).replaceAll(" ").strip();
            out.append('[').append(i + 1).append("] ").append(where).append('\n')
                    .append(quoted(neutral(passage.text()))).append("\n\n");
        }
        return out.toString().strip();
    }

    /** Every line of a text starting with {@value #QUOTE}. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : LINE_BREAKS.split(text.strip(), -1)) {
            out.append(QUOTE).append(line.stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** A document's own "[3]" written "(3)": only the template numbers passages. */
    private static String neutral(String text) {
        return BRACKETED_NUMBER.matcher(text).replaceAll("($1)");
    }

    private static String fill(String template, String file, Map<String, Object> values) {
        try {
            return template(template, file).apply(values).text();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage() + " (it may use {{helpLine}})", e);
        }
    }

    private PromptTemplate template(Path folder, String file) {
        PromptTemplate template = template(read(folder, file), file);
        try {
            template.apply(Map.of("passages", "[1] x\n| y", "question", "| z", "language", "svenska"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage()
                    + " (question.txt may use {{passages}}, {{question}} and {{language}})", e);
        }
        return template;
    }

    private static PromptTemplate template(String text, String file) {
        try {
            return PromptTemplate.from(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " cannot be used as a prompt: " + e.getMessage(), e);
        }
    }

    /** The file from the folder where it is there, else the built-in one. */
    private static String read(Path folder, String name) {
        if (folder != null && Files.isRegularFile(folder.resolve(name))) {
            Path file = folder.resolve(name);
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the prompt file " + file, e);
            }
        }
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            if (in == null) {
                throw new IllegalStateException("The built-in prompt " + BUILT_IN + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in prompt " + BUILT_IN + name, e);
        }
    }
}
