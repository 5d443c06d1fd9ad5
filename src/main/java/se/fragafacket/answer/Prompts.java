package se.fragafacket.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.fragafacket.search.Language;

/**
 * The texts staff may edit, read once at start from {@code fraga.llm.prompts-dir}: the model's instructions
 * ({@code system.txt}), the message that carries passages and question to it ({@code question.txt}), and
 * what members are told when the documents hold no answer ({@code no-answer.txt}, a line per language).
 */
@Component
public class Prompts {

    private static final Logger log = LoggerFactory.getLogger(Prompts.class);

    private final String system;
    private final String question;
    private final Map<Language, String> noAnswer = new EnumMap<>(Language.class);

    public Prompts(LlmProperties llm, AnswerProperties answers) {
        Path folder = llm.promptsDir().toAbsolutePath().normalize();
        this.system = read(folder.resolve("system.txt")).replace("{{helpLine}}", answers.helpLine());
        this.question = read(folder.resolve("question.txt"));
        for (String line : read(folder.resolve("no-answer.txt")).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                Language language = Language.fromCode(line.substring(0, colon).strip());
                noAnswer.put(language, line.substring(colon + 1).strip().replace("{{helpLine}}", answers.helpLine()));
            }
        }
        if (!noAnswer.containsKey(Language.SV)) {
            throw new IllegalStateException(folder.resolve("no-answer.txt") + " needs a line 'sv: …'");
        }
        log.info("Prompts read from {}", folder);
    }

    /** The model's instructions. */
    public String system() {
        return system;
    }

    /** The message to the model: the template filled with the passages, the question and its language. */
    public String question(String passages, String question, Language language) {
        return this.question.replace("{{passages}}", passages)
                .replace("{{question}}", question)
                .replace("{{language}}", switch (language) {
                    case SV -> "svenska";
                    case NO -> "norska";
                    case EN -> "engelska";
                });
    }

    /** What a member is told when the documents hold no answer, in their language. */
    public String noAnswer(Language language) {
        return noAnswer.getOrDefault(language, noAnswer.get(Language.SV));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the prompt file " + file
                    + " (set fraga.llm.prompts-dir to the folder that holds system.txt, question.txt and no-answer.txt)", e);
        }
    }
}
