package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a dict-server dictionary by word: a dictzip file written here, in chunks smaller than an entry. */
class DictdFileTests {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @TempDir
    Path folder;

    @Test
    void findsEveryEntryOfAHeadwordAcrossChunks() throws IOException {
        write("test-dict", 16, List.of(
                new String[] {"00-database-info", "about this dictionary\n"},
                new String[] {"Member", "member /m/\nlem\n\n"},
                new String[] {"member", "member /m/\n1. medlem\n2. ledamot\n\n"},
                new String[] {"members", "members\nmedlemmar\n\n"},
                new String[] {"office", "office /o/\nkontor, byrå\n\n"},
                new String[] {"Österreich", "Österreich\nÖsterrike\n\n"}));
        try (DictdFile dictionary = DictdFile.open(folder, "test-dict").orElseThrow()) {
            assertThat(dictionary.entries("member")).containsExactly("member /m/\nlem\n\n",
                    "member /m/\n1. medlem\n2. ledamot\n\n");
            assertThat(dictionary.entries("office")).containsExactly("office /o/\nkontor, byrå\n\n");
            assertThat(dictionary.entries("österreich")).containsExactly("Österreich\nÖsterrike\n\n");
            assertThat(dictionary.entries("memb")).isEmpty();
            assertThat(dictionary.entries("zebra")).isEmpty();
            assertThat(dictionary.entries("")).isEmpty();
        }
    }

    @Test
    void anAbsentDictionaryIsEmptyAndAPlainGzipIsRefusedWithAMessage() throws IOException {
        assertThat(DictdFile.open(folder, "nothing")).isEmpty();
        Files.writeString(folder.resolve("plain.index"), "a\tA\tB\n");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(folder.resolve("plain.dict.dz")))) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> DictdFile.open(folder, "plain")).hasMessageContaining("random-access");
    }

    /** A dictzip file as dictzip writes it: gzip with an "RA" field listing each chunk's compressed size. */
    private void write(String name, int chunkLength, List<String[]> entries) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        StringBuilder index = new StringBuilder();
        for (String[] entry : entries) {
            byte[] bytes = entry[1].getBytes(StandardCharsets.UTF_8);
            index.append(entry[0]).append('\t').append(b64(text.size())).append('\t').append(b64(bytes.length)).append('\n');
            text.writeBytes(bytes);
        }
        Files.writeString(folder.resolve(name + ".index"), index);
        byte[] plain = text.toByteArray();
        List<byte[]> chunks = new ArrayList<>();
        Deflater deflater = new Deflater(9, true);
        for (int from = 0; from < plain.length; from += chunkLength) {
            deflater.setInput(plain, from, Math.min(chunkLength, plain.length - from));
            byte[] buffer = new byte[chunkLength * 2 + 64];
            int length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            chunks.add(java.util.Arrays.copyOf(buffer, length));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8, 0, 0, 0, 0, 2, 3});
        int extra = 10 + 2 * chunks.size();
        le16(out, extra);
        out.write('R');
        out.write('A');
        le16(out, extra - 4);
        le16(out, 1);
        le16(out, chunkLength);
        le16(out, chunks.size());
        chunks.forEach(c -> le16(out, c.length));
        out.writeBytes((name + ".dict\0").getBytes(StandardCharsets.US_ASCII));
        chunks.forEach(out::writeBytes);
        Files.write(folder.resolve(name + ".dict.dz"), out.toByteArray());
    }

    private static void le16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write(value >> 8 & 0xff);
    }

    private static String b64(int value) {
        StringBuilder out = new StringBuilder();
        do {
            out.insert(0, B64.charAt(value % 64));
            value /= 64;
        } while (value > 0);
        return out.toString();
    }
}
