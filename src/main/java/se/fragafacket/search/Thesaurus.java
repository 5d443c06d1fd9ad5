package se.fragafacket.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A general thesaurus of Swedish and Norwegian: LibreOffice's MyThes files as Debian installs them
 * ({@code mythes-sv}, {@code mythes-no}, under {@code /usr/share/mythes}; read as installed files, never part of
 * this project's sources). A {@code .dat} file is its character set's name on the first line, then entries:
 * "{@code word|n}" followed by n meanings "{@code (part of speech)|synonym|synonym…}". Read on a thread of its
 * own; the first look-up waits. What is missing is logged, never fatal.
 */
public final class Thesaurus {

    private static final Logger log = LoggerFactory.getLogger(Thesaurus.class);
    /** The files per language, first found wins. */
    private static final Map<Language, List<String>> FILES = Map.of(
            Language.SV, List.of("th_sv_SE_v2.dat", "th_sv_SE.dat"),
            Language.NO, List.of("th_nb_NO_v2.dat", "th_nb_NO.dat", "th_no_NO_v2.dat"));

    /** Each language's entries, once read (a look-up in a language waits for that language's). */
    private final Map<Language, CompletableFuture<Map<String, List<String>>>> entries = new EnumMap<>(Language.class);

    private Thesaurus() {
    }

    /** No thesaurus: no word has synonyms. */
    public static Thesaurus none() {
        return new Thesaurus();
    }

    /** The thesauri installed in {@code folder}, each read on a thread of its own. */
    public static Thesaurus load(Path folder) {
        return load(folder, ResourceCache.none(), LanguageResources.THREADS);
    }

    /** The thesauri installed in {@code folder}, read by {@code executor}, kept in {@code cache} between starts. */
    public static Thesaurus load(Path folder, ResourceCache cache, java.util.concurrent.Executor executor) {
        Thesaurus thesaurus = new Thesaurus();
        for (var entry : FILES.entrySet()) {
            Path found = entry.getValue().stream().map(folder::resolve).filter(Files::isReadable).findFirst().orElse(null);
            if (found == null) {
                log.info("Thesaurus for {} not found in {}: questions are searched without it (install the Debian package {})",
                        entry.getKey().code(), folder, entry.getKey() == Language.SV ? "mythes-sv" : "mythes-no");
                continue;
            }
            thesaurus.entries.put(entry.getKey(), CompletableFuture.supplyAsync(() -> read(found, cache), executor));
        }
        return thesaurus;
    }

    /** A thesaurus of one language from a {@code .dat} text (tests). */
    static Thesaurus of(Language language, InputStream dat) throws IOException {
        Thesaurus thesaurus = new Thesaurus();
        thesaurus.entries.put(language, CompletableFuture.completedFuture(parse(dat)));
        return thesaurus;
    }

    /** Done when every installed thesaurus is read, for {@link LanguageResources}. */
    CompletableFuture<?> loaded() {
        return CompletableFuture.allOf(entries.values().toArray(CompletableFuture[]::new));
    }

    private static Map<String, List<String>> read(Path found, ResourceCache cache) {
        long start = System.nanoTime();
        try {
            Map<String, List<String>> words = cache.get("thesaurus-" + found.getFileName(), ResourceCache.stamp(found),
                    () -> {
                        try (InputStream in = Files.newInputStream(found)) {
                            return parse(in);
                        }
                    }, Thesaurus::write, Thesaurus::read);
            log.info("Thesaurus {} read: {} words in {} ms", found, words.size(), (System.nanoTime() - start) / 1_000_000);
            return words;
        } catch (Exception e) {
            log.warn("Thesaurus {} could not be read ({}); going on without it", found, e.toString());
            return null;
        }
    }

    private static void write(Map<String, List<String>> words, java.io.DataOutputStream out) throws IOException {
        out.writeInt(words.size());
        for (var entry : words.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeShort(entry.getValue().size());
            for (String synonym : entry.getValue()) {
                out.writeUTF(synonym);
            }
        }
    }

    private static Map<String, List<String>> read(java.io.DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count + " words does not fit the file");
        }
        Map<String, List<String>> words = new HashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            String word = in.readUTF();
            String[] synonyms = new String[in.readUnsignedShort()];
            for (int j = 0; j < synonyms.length; j++) {
                synonyms[j] = in.readUTF();
            }
            words.put(word, List.of(synonyms));
        }
        return words;
    }

    /** Headword (lower case) → its single-word synonyms (lower case, in the file's order, without repeats). */
    static Map<String, List<String>> parse(InputStream dat) throws IOException {
        byte[] bytes = dat.readAllBytes();
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') {
            newline++;
        }
        Charset charset = charset(new String(bytes, 0, newline, StandardCharsets.US_ASCII).strip());
        String[] lines = new String(bytes, Math.min(bytes.length, newline + 1), Math.max(0, bytes.length - newline - 1), charset)
                .split("\\R");
        Map<String, List<String>> out = new HashMap<>();
        int i = 0;
        while (i < lines.length) {
            String head = lines[i++];
            int bar = head.lastIndexOf('|');
            if (bar <= 0) {
                continue; // not an entry's first line: skipped
            }
            int meanings;
            try {
                meanings = Integer.parseInt(head.substring(bar + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            String word = head.substring(0, bar).strip().toLowerCase(Locale.ROOT);
            Set<String> synonyms = new LinkedHashSet<>();
            for (int m = 0; m < meanings && i < lines.length; m++, i++) {
                String[] fields = lines[i].split("\\|");
                for (int f = 1; f < fields.length; f++) { // the first field is the part of speech
                    String synonym = fields[f].replaceAll("\\([^)]*\\)", "").strip().toLowerCase(Locale.ROOT);
                    if (!synonym.isEmpty() && !synonym.equals(word) && synonym.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
                        synonyms.add(synonym);
                    }
                }
            }
            if (!synonyms.isEmpty()) {
                out.merge(word, List.copyOf(synonyms), (a, b) -> {
                    List<String> merged = new ArrayList<>(new LinkedHashSet<>(a));
                    b.stream().filter(s -> !merged.contains(s)).forEach(merged::add);
                    return List.copyOf(merged);
                });
            }
        }
        return out;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1; // MyThes' files are Latin-1 where they do not say otherwise
        }
    }

    public boolean has(Language language) {
        return words(language) != null;
    }

    /** The word's single-word synonyms in the language's thesaurus (lower case); empty when unknown. */
    public List<String> synonyms(String word, Language language) {
        Map<String, List<String>> words = words(language);
        return words == null ? List.of() : words.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
    }

    /** The language's entries (waited for while they are being read), or null without a thesaurus. */
    private Map<String, List<String>> words(Language language) {
        CompletableFuture<Map<String, List<String>>> future = entries.get(language);
        return future == null ? null : future.join();
    }
}
