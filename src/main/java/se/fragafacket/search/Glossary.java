package se.fragafacket.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words that mean the same across Swedish, Norwegian and English ("maj | mai | may"), so that a question in
 * one language finds passages written in another. A ring matches a question when the stems of one of its
 * entries stand in the question's stems, in order.
 */
public final class Glossary {

    /**
     * A ring the question touched: the question stems it covers, every word of the ring, and whether the
     * ring is a name (a place or an organisation, marked {@code @} in the file).
     */
    public record Match(Set<String> coveredStems, List<String> ringWords, boolean name, boolean general) {
    }

    private record Entry(Language language, List<String> stems) {
    }

    /** @param general from a general bilingual dictionary (a line starting with {@code ~}), not the organisation's */
    private record Ring(List<String> words, List<Entry> entries, boolean name, boolean general) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Glossary.class);

    private final List<Ring> rings = new ArrayList<>();

    /**
     * The organisation's own words: staff's file in the data folder when there is one (edit it, then
     * restart), else the list shipped with the service.
     */
    public static InputStream organisationTerms(java.nio.file.Path staffFile,
                                                org.springframework.core.io.Resource shipped) throws IOException {
        if (java.nio.file.Files.isReadable(staffFile)) {
            log.info("Organisation terms read from {}", staffFile.toAbsolutePath());
            return java.nio.file.Files.newInputStream(staffFile);
        }
        log.info("Organisation terms: the built-in list (copy it to {} to edit it)", staffFile.toAbsolutePath());
        return shipped.getInputStream();
    }

    public Glossary(Analysis analysis, InputStream source) {
        try (var reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean name = line.startsWith("@");
                boolean general = line.startsWith("~");
                List<String> words = List.of((name || general ? line.substring(1) : line).split("\\s*\\|\\s*"));
                List<Entry> entries = new ArrayList<>();
                for (Language language : Language.values()) {
                    for (String word : words) {
                        List<String> stems = analysis.terms(word, language);
                        if (!stems.isEmpty()) {
                            entries.add(new Entry(language, stems));
                        }
                    }
                }
                rings.add(new Ring(words, entries, name, general));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rings a question's stems (in its own language, in order) touch. */
    public List<Match> matches(List<String> questionStems, Language language) {
        List<Match> out = new ArrayList<>();
        for (Ring ring : rings) {
            Set<String> covered = new java.util.LinkedHashSet<>();
            for (Entry entry : ring.entries()) {
                if (entry.language() == language && containsInOrder(questionStems, entry.stems())) {
                    covered.addAll(entry.stems()); // "ringer" and "nummer" are one idea
                }
            }
            if (!covered.isEmpty()) {
                out.add(new Match(Set.copyOf(covered), ring.words(), ring.name(), ring.general()));
            }
        }
        return out;
    }

    private static boolean containsInOrder(List<String> haystack, List<String> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
