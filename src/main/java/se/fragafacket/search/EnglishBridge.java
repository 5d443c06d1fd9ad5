package se.fragafacket.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Swedish and Norwegian words an English word may be, from installed FreeDict dictionaries looked up word by
 * word ({@link DictdFile}): FreeDict's English–Swedish dictionary is small (5,500 headwords, no "member" or
 * "annual"), so the larger ones bridge to it — English–Norwegian (WikDict), whose words are also spelt the
 * Swedish way where the Swedish Hunspell dictionary knows the spelling, and English–German (Ding, 460,000
 * headwords) followed by German–Swedish (WikDict). Every dictionary is optional; each absent one is logged once.
 * A bridge is noisy ("member" is also a construction strut), so the caller keeps only words the knowledge base
 * holds and weighs them lightly. Lookups are remembered ({@link BoundedCache}: at most 20,000 words), no lock held
 * while a word is looked up.
 */
public final class EnglishBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnglishBridge.class);
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>|\\[[^]]*]|\\{[^}]*}|\\([^)]*\\)|/[^/]*/");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*\\d+\\.\\s*|\\s+\\d+\\.\\s*$");
    private static final int MAX_SENSES = 24;
    private static final int MAX_WORDS_PER_SENSE = 4;
    private static final int REMEMBERED = 20_000;

    private final Optional<DictdFile> englishSwedish;
    private final Optional<DictdFile> englishNorwegian;
    private final Optional<DictdFile> englishGerman;
    private final Optional<DictdFile> germanSwedish;
    private final Lexicon lexicon;
    private final BoundedCache<String, Translations> remembered = new BoundedCache<>(REMEMBERED / 2, this::lookUp);

    /** An English word's Swedish and Norwegian words, each set in the order the dictionaries give them. */
    public record Translations(Set<String> swedish, Set<String> norwegian) {
        static final Translations NONE = new Translations(Set.of(), Set.of());

        public boolean isEmpty() {
            return swedish.isEmpty() && norwegian.isEmpty();
        }
    }

    private EnglishBridge(Optional<DictdFile> englishSwedish, Optional<DictdFile> englishNorwegian,
                          Optional<DictdFile> englishGerman, Optional<DictdFile> germanSwedish, Lexicon lexicon) {
        this.englishSwedish = englishSwedish;
        this.englishNorwegian = englishNorwegian;
        this.englishGerman = englishGerman;
        this.germanSwedish = germanSwedish;
        this.lexicon = lexicon;
    }

    /** No dictionaries: every word untranslated. */
    public static EnglishBridge none() {
        return new EnglishBridge(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Lexicon.none());
    }

    /** The dictionaries installed in {@code folder} (Debian: /usr/share/dictd); absent ones are logged. */
    public static EnglishBridge open(Path folder, Lexicon lexicon) {
        Optional<DictdFile> germanSwedish = open(folder, "freedict-deu-swe");
        Optional<DictdFile> englishGerman = germanSwedish.isPresent() ? open(folder, "freedict-eng-deu") : Optional.empty();
        EnglishBridge bridge = new EnglishBridge(open(folder, "freedict-eng-swe"), open(folder, "freedict-eng-nor"),
                englishGerman, germanSwedish, lexicon);
        log.info("English questions are bridged to Swedish and Norwegian words by {}", bridge.describe());
        return bridge;
    }

    private static Optional<DictdFile> open(Path folder, String name) {
        try {
            Optional<DictdFile> file = DictdFile.open(folder, name);
            if (file.isEmpty()) {
                log.info("Dictionary {} not found in {}: English questions are bridged without it "
                        + "(install the Debian package dict-{})", name, folder, name);
            }
            return file;
        } catch (IOException e) {
            log.warn("Dictionary {} in {} could not be opened ({}); going on without it", name, folder, e.getMessage());
            return Optional.empty();
        }
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        englishSwedish.ifPresent(d -> parts.add("English–Swedish"));
        englishNorwegian.ifPresent(d -> parts.add("English–Norwegian"));
        if (englishGerman.isPresent() && germanSwedish.isPresent()) {
            parts.add("English–German–Swedish");
        }
        return parts.isEmpty() ? "no dictionary" : String.join(", ", parts);
    }

    /** The words {@code english} (any case, inflected or not) may be in Swedish and Norwegian. */
    public Translations translate(String english) {
        String word = english.toLowerCase(Locale.ROOT);
        if (word.length() < 2 || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
            return Translations.NONE;
        }
        return remembered.get(word);
    }

    /** The translations of the word and of its regular base forms together ("members" and "member"). */
    private Translations lookUp(String word) {
        Map<String, Integer> swedish = new LinkedHashMap<>();
        Set<String> norwegian = new LinkedHashSet<>();
        List<String> forms = englishForms(word);
        for (String form : forms) {
            lookUpForm(form, swedish, norwegian);
        }
        forms.forEach(form -> {
            swedish.remove(form);
            norwegian.remove(form);
        });
        if (swedish.isEmpty() && norwegian.isEmpty()) {
            return Translations.NONE;
        }
        // the words most paths lead to first: a word two dictionaries agree on is likelier the sense meant
        List<String> ranked = swedish.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        return new Translations(Collections.unmodifiableSet(new LinkedHashSet<>(ranked)),
                Collections.unmodifiableSet(norwegian));
    }

    /**
     * Adds a form's translations: FreeDict's English–Swedish ones count two, each bridge one, a Swedish word
     * reached by several bridges once for each.
     */
    private void lookUpForm(String word, Map<String, Integer> swedish, Set<String> norwegian) {
        englishSwedish.ifPresent(d -> d.entries(word)
                .forEach(e -> translationLines(e, false).forEach(sv -> swedish.merge(sv, 2, Integer::sum))));
        Set<String> fromNorwegian = new LinkedHashSet<>();
        englishNorwegian.ifPresent(d -> d.entries(word).forEach(e -> fromNorwegian.addAll(translationLines(e, true))));
        for (String nor : fromNorwegian) {
            norwegian.add(nor);
            Set<String> spellings = new LinkedHashSet<>(BilingualLexicon.swedishSpellings(nor));
            spellings.add(nor);
            spellings.stream().filter(form -> lexicon.isWord(form, Language.SV))
                    .forEach(sv -> swedish.merge(sv, 1, Integer::sum));
        }
        if (englishGerman.isPresent() && germanSwedish.isPresent()) {
            List<String> entries = englishGerman.get().entries(word);
            Set<String> germans = new LinkedHashSet<>();
            for (String entry : entries.subList(0, Math.min(MAX_SENSES, entries.size()))) {
                germans.addAll(firstLine(entry));
            }
            for (String german : germans) {
                Set<String> fromGerman = new LinkedHashSet<>();
                for (String sv : germanSwedish.get().entries(german)) {
                    fromGerman.addAll(translationLines(sv, true));
                }
                fromGerman.forEach(sv -> swedish.merge(sv, 1, Integer::sum));
            }
        }
    }

    /** The word, then its regular base forms: "members" → "member", "elected" → "elect", "elected" → "electe"… */
    static List<String> englishForms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (word.endsWith("ies") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("es") && word.length() > 4) {
            forms.add(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            forms.add(word.substring(0, word.length() - 1));
        }
        for (String ending : new String[] {"ed", "ing"}) {
            if (word.endsWith(ending) && word.length() > ending.length() + 2) {
                String stem = word.substring(0, word.length() - ending.length());
                forms.add(stem);
                forms.add(stem + "e");
            }
        }
        if (word.endsWith("'s")) {
            forms.add(word.substring(0, word.length() - 2));
        }
        return List.copyOf(forms);
    }

    /**
     * The translations of an entry: in FreeDict's older files every line after the headword; in WikDict's
     * ({@code alternating}) the lines after the headword alternate a sense's translations and its gloss.
     */
    static List<String> translationLines(String entry, boolean alternating) {
        String[] lines = entry.strip().split("\\R");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i += alternating ? 2 : 1) {
            out.addAll(words(NUMBERING.matcher(lines[i]).replaceAll("")));
        }
        return out;
    }

    /** Ding's entries: the words of the line after the headword (one sense), its tags and notes left out. */
    static List<String> firstLine(String entry) {
        String[] lines = entry.strip().split("\\R");
        return lines.length < 2 ? List.of() : words(lines[1]).stream().limit(MAX_WORDS_PER_SENSE).toList();
    }

    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        for (String part : MARKUP.matcher(line).replaceAll(" ").split("[,;]")) {
            String word = part.strip().toLowerCase(Locale.ROOT);
            if (!word.isEmpty() && !word.contains(" ") && word.chars().allMatch(c -> Character.isLetter(c) || c == '-')
                    && !word.startsWith("-") && !word.endsWith("-")) {
                out.add(word);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        for (Optional<DictdFile> file : List.of(englishSwedish, englishNorwegian, englishGerman, germanSwedish)) {
            if (file.isPresent()) {
                file.get().close();
            }
        }
    }
}
