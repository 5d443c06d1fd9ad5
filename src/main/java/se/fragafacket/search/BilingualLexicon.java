package se.fragafacket.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * General bilingual lexicons from installed FreeDict dictionaries, read as installed files in dictd format and
 * never copied into the project: English–Swedish (Debian {@code dict-freedict-eng-swe} and
 * {@code dict-freedict-swe-eng}, GPL-2+) for English questions, Swedish–Norwegian ({@code dict-freedict-swe-nor},
 * FreeDict/WikDict, CC BY-SA 3.0) for Norwegian ones. Each entry becomes a rule of Solr's synonym format
 * ("meeting, möte, församling"), so a question's everyday words find the Swedish passages' words. Absent files
 * are logged; the service goes on without. {@link #swedishSpellings} gives the Swedish forms a Norwegian word
 * may take by the regular spelling correspondences of the two languages.
 */
public final class BilingualLexicon {

    private static final Logger log = LoggerFactory.getLogger(BilingualLexicon.class);
    private static final int MAX_WORDS_PER_LINE = 6;

    private BilingualLexicon() {
    }

    /**
     * Synonym rules (Solr format) for questions in {@code language} from the dictionaries in {@code folder}:
     * English–Swedish for English, Swedish–Norwegian for Norwegian; empty when none is installed.
     */
    public static List<String> synonymLines(Path folder, Language language) {
        List<String> lines = new ArrayList<>();
        switch (language) {
            case EN -> {
                lines.addAll(read(folder, "freedict-eng-swe", false));
                lines.addAll(read(folder, "freedict-swe-eng", false));
            }
            case NO -> lines.addAll(read(folder, "freedict-swe-nor", true));
            case SV -> {
            }
        }
        return lines;
    }

    /**
     * The rules of {@link #synonymLines} compiled for questions in {@code language} (from {@code cache} when the
     * dictionaries are unchanged since they were compiled), or null when no dictionary is installed.
     */
    public static Synonyms general(Analysis analysis, Path folder, Language language, ResourceCache cache) {
        List<Path> sources = new ArrayList<>();
        for (String name : names(language)) {
            sources.add(folder.resolve(name + ".index"));
            sources.add(folder.resolve(name + ".dict.dz"));
        }
        if (sources.stream().noneMatch(Files::isReadable)) {
            synonymLines(folder, language); // logs what is missing
            return null;
        }
        try {
            Synonyms synonyms = cache.get("freedict-" + language.code(), ResourceCache.stamp(sources.toArray(Path[]::new)),
                    () -> {
                        String lines = String.join("\n", synonymLines(folder, language));
                        return Synonyms.general(analysis, lines, language);
                    }, Synonyms::write, in -> Synonyms.read(analysis, in));
            return synonyms.size() == 0 ? null : synonyms;
        } catch (Exception e) {
            log.warn("Bilingual dictionaries for {} questions could not be read ({}); going on without them",
                    language.code(), e.toString());
            return null;
        }
    }

    private static List<String> names(Language language) {
        return switch (language) {
            case EN -> List.of("freedict-eng-swe", "freedict-swe-eng");
            case NO -> List.of("freedict-swe-nor");
            case SV -> List.of();
        };
    }

    /**
     * The Swedish forms a Norwegian word may take by the regular spelling correspondences (ø → ö, æ → ä,
     * aa → å, -sjon → -tion, ei → e, kj → tj, infinitive -e → -a, plural -er/-ene → -ar/-arna …), each
     * applied or not; the caller keeps those a Swedish dictionary knows. The word itself is not among them.
     */
    public static Set<String> swedishSpellings(String norwegian) {
        String word = norwegian.toLowerCase(Locale.ROOT);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        forms = apply(forms, "aa", "å");
        forms = apply(forms, "ø", "ö");
        forms = apply(forms, "æ", "ä");
        forms = apply(forms, "sjon", "tion");
        forms = apply(forms, "ei", "e");
        forms = apply(forms, "kj", "tj");
        forms = apply(forms, "hv", "v");
        Set<String> endings = new LinkedHashSet<>(forms);
        for (String form : forms) {
            ending(endings, form, "ene", "arna", "erna");
            ending(endings, form, "ane", "arna");
            ending(endings, form, "er", "ar");
            ending(endings, form, "e", "a");
            ending(endings, form, "et", "et", "en");
        }
        endings.remove(word);
        return endings;
    }

    private static Set<String> apply(Set<String> forms, String from, String to) {
        Set<String> out = new LinkedHashSet<>(forms);
        for (String form : forms) {
            if (form.contains(from)) {
                out.add(form.replace(from, to));
            }
        }
        return out;
    }

    private static void ending(Set<String> out, String form, String from, String... to) {
        if (form.endsWith(from) && form.length() > from.length() + 2) {
            for (String ending : to) {
                out.add(form.substring(0, form.length() - from.length()) + ending);
            }
        }
    }

    private static List<String> read(Path folder, String name, boolean firstSense) {
        Path index = folder.resolve(name + ".index");
        Path dict = folder.resolve(name + ".dict.dz");
        if (!Files.isReadable(index) || !Files.isReadable(dict)) {
            log.info("Bilingual dictionary {} not found in {}: questions are searched without it "
                    + "(install the Debian package dict-{})", name, folder, name);
            return List.of();
        }
        try {
            byte[] text;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dict))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                text = out.toByteArray();
            }
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length < 3 || fields[0].startsWith("00")) {
                    continue;
                }
                int offset = decode(fields[1]);
                int length = decode(fields[2]);
                if (offset < 0 || length <= 0 || offset + length > text.length) {
                    continue;
                }
                String entry = new String(text, offset, length, StandardCharsets.UTF_8);
                String ring = firstSense ? firstSense(entry) : ring(entry);
                if (ring != null) {
                    lines.add(ring);
                }
            }
            log.info("Bilingual dictionary {} read from {}: {} entries", name, folder, lines.size());
            return lines;
        } catch (IOException | RuntimeException e) {
            log.warn("Bilingual dictionary {} in {} could not be read ({}); going on without it", name, folder, e.toString());
            return List.of();
        }
    }

    /**
     * A WikDict entry's headword and its first line of translations (the lines after it explain, in Swedish):
     * "abborre /ˈabɔrə/ &lt;n, ut&gt;\nabbor, åbor\nen fisk" → "abborre, abbor, åbor".
     */
    static String firstSense(String entry) {
        String[] lines = entry.strip().split("\\R");
        if (lines.length < 2) {
            return null;
        }
        String head = lines[0].replaceAll("/[^/]*/", "").replaceAll("<[^>]*>", "").strip().toLowerCase(Locale.ROOT);
        if (head.isEmpty() || head.contains(" ") || !head.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        words.add(head);
        // "1. valg 2." for a word of several senses: the first one's translations, without the senses' numbers
        for (String word : lines[1].replaceFirst("^\\s*\\d+\\.\\s*", "").replaceAll("\\s+\\d+\\.\\s*$", "").split("[,;]")) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (!w.isEmpty() && w.split(" ").length <= 2 && w.chars().allMatch(c -> Character.isLetter(c) || c == ' ')) {
                words.add(w);
            }
        }
        return words.size() < 2 ? null : String.join(", ", words.stream().limit(MAX_WORDS_PER_LINE).toList());
    }

    /** "meeting /ˈmiːtɪŋ/\n1. möte\n2. församling, sammankomst" → "meeting, möte, församling, sammankomst". */
    static String ring(String entry) {
        String[] lines = entry.strip().split("\\R");
        if (lines.length < 2) {
            return null;
        }
        String head = lines[0].replaceAll("/[^/]*/", "").strip().toLowerCase(Locale.ROOT);
        if (head.isEmpty() || head.contains(" ") || !head.chars().allMatch(Character::isLetter)) {
            return null;
        }
        Set<String> words = new LinkedHashSet<>();
        words.add(head);
        for (int i = 1; i < lines.length; i++) {
            for (String word : lines[i].replaceFirst("^\\s*\\d+\\.\\s*", "").split("[,;]")) {
                String w = word.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && w.split(" ").length <= 2 && w.chars().allMatch(c -> Character.isLetter(c) || c == ' ')) {
                    words.add(w);
                }
            }
        }
        if (words.size() < 2) {
            return null;
        }
        return String.join(", ", words.stream().limit(MAX_WORDS_PER_LINE).toList());
    }

    /** A dictd index's base64 number as an int, or -1. */
    private static int decode(String base64) {
        long value = DictdFile.decode(base64);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
