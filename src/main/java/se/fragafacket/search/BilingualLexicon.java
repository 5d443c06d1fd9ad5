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
 * A general English–Swedish lexicon from installed FreeDict dictionaries (Debian {@code dict-freedict-eng-swe}
 * and {@code dict-freedict-swe-eng}, GPL-2+, read as installed files in dictd format, never copied into
 * the project), turned into lines of the glossary's format ("english | svenska | …"), so an English question's
 * everyday words find the Swedish passages' words. Absent files are logged; the service goes on without.
 */
public final class BilingualLexicon {

    private static final Logger log = LoggerFactory.getLogger(BilingualLexicon.class);
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int MAX_WORDS_PER_LINE = 6;

    private BilingualLexicon() {
    }

    /** Glossary lines from the dictionaries in {@code folder} (empty when none is installed). */
    public static List<String> glossaryLines(Path folder) {
        List<String> lines = new ArrayList<>();
        lines.addAll(read(folder, "freedict-eng-swe"));
        lines.addAll(read(folder, "freedict-swe-eng"));
        return lines;
    }

    private static List<String> read(Path folder, String name) {
        Path index = folder.resolve(name + ".index");
        Path dict = folder.resolve(name + ".dict.dz");
        if (!Files.isReadable(index) || !Files.isReadable(dict)) {
            log.info("Bilingual dictionary {} not found in {}: English questions are searched without it "
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
                String ring = ring(entry);
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

    /** "meeting /ˈmiːtɪŋ/\n1. möte\n2. församling, sammankomst" → "meeting | möte | församling | sammankomst". */
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
        return "~" + String.join(" | ", words.stream().limit(MAX_WORDS_PER_LINE).toList());
    }

    private static int decode(String base64) {
        long value = 0;
        for (char c : base64.toCharArray()) {
            int digit = BASE64.indexOf(c);
            if (digit < 0) {
                return -1;
            }
            value = value * 64 + digit;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
