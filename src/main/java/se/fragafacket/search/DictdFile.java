package se.fragafacket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One installed dictionary in the dict server's format, read where it lies and only where asked: the sorted
 * {@code .index} is memory-mapped and searched by halves, and only the compressed chunks of the
 * {@code .dict.dz} (dictzip: gzip with a random-access table) that hold the entry are inflated. Opening it
 * reads the chunk table alone, so a large dictionary (FreeDict's English–German has 460,000 headwords) costs
 * nothing at start and a few microseconds per word looked up.
 */
final class DictdFile implements AutoCloseable {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FHCRC = 2;

    private final FileChannel indexChannel;
    private final FileChannel dictChannel;
    private final MappedByteBuffer index;
    private final int chunkLength;
    private final long[] chunkStarts; // offset in the .dz file of each chunk, one more for the end

    private DictdFile(FileChannel indexChannel, FileChannel dictChannel, MappedByteBuffer index, int chunkLength,
                      long[] chunkStarts) {
        this.indexChannel = indexChannel;
        this.dictChannel = dictChannel;
        this.index = index;
        this.chunkLength = chunkLength;
        this.chunkStarts = chunkStarts;
    }

    /** The dictionary {@code name} in {@code folder}, empty when its files are absent. */
    static Optional<DictdFile> open(Path folder, String name) throws IOException {
        Path indexPath = folder.resolve(name + ".index");
        Path dictPath = folder.resolve(name + ".dict.dz");
        if (!Files.isReadable(indexPath) || !Files.isReadable(dictPath)) {
            return Optional.empty();
        }
        FileChannel indexChannel = FileChannel.open(indexPath);
        FileChannel dictChannel = FileChannel.open(dictPath);
        try {
            MappedByteBuffer index = indexChannel.map(FileChannel.MapMode.READ_ONLY, 0, indexChannel.size());
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(dictChannel.size(), 1 << 20));
            readFully(dictChannel, header, 0);
            header.flip().order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (header.remaining() < 10 || (header.get(0) & 0xff) != 0x1f || (header.get(1) & 0xff) != 0x8b) {
                throw new IOException(dictPath + " is not a gzip file");
            }
            int flags = header.get(3);
            if ((flags & FEXTRA) == 0) {
                throw new IOException(dictPath + " has no dictzip random-access table");
            }
            int position = 10;
            int extraLength = header.getShort(position) & 0xffff;
            int extraEnd = position + 2 + extraLength;
            position += 2;
            int chunkLength = -1;
            int[] sizes = null;
            while (position + 4 <= extraEnd) {
                int si1 = header.get(position), si2 = header.get(position + 1);
                int length = header.getShort(position + 2) & 0xffff;
                if (si1 == 'R' && si2 == 'A') {
                    chunkLength = header.getShort(position + 6) & 0xffff;
                    int count = header.getShort(position + 8) & 0xffff;
                    sizes = new int[count];
                    for (int i = 0; i < count; i++) {
                        sizes[i] = header.getShort(position + 10 + 2 * i) & 0xffff;
                    }
                }
                position += 4 + length;
            }
            if (sizes == null || chunkLength <= 0) {
                throw new IOException(dictPath + " has no dictzip random-access table");
            }
            position = extraEnd;
            if ((flags & FNAME) != 0) {
                while (header.get(position++) != 0) { }
            }
            if ((flags & FCOMMENT) != 0) {
                while (header.get(position++) != 0) { }
            }
            if ((flags & FHCRC) != 0) {
                position += 2;
            }
            long[] starts = new long[sizes.length + 1];
            starts[0] = position;
            for (int i = 0; i < sizes.length; i++) {
                starts[i + 1] = starts[i] + sizes[i];
            }
            return Optional.of(new DictdFile(indexChannel, dictChannel, index, chunkLength, starts));
        } catch (IOException | RuntimeException e) {
            indexChannel.close();
            dictChannel.close();
            throw e instanceof IOException io ? io : new IOException(dictPath + " could not be read: " + e, e);
        }
    }

    /** Every entry whose headword is {@code word} (case and punctuation aside), in the file's order. */
    List<String> entries(String word) {
        String key = key(word);
        if (key.isEmpty()) {
            return List.of();
        }
        int size = index.limit();
        // first line whose key is not below the word's
        int low = 0, high = size;
        while (low < high) {
            int mid = lineStart((low + high) >>> 1);
            int next = lineEnd(mid) + 1;
            if (key(headword(mid)).compareTo(key) < 0) {
                low = next;
            } else {
                high = mid;
            }
        }
        List<String> out = new ArrayList<>();
        for (int line = low; line < size; line = lineEnd(line) + 1) {
            String[] fields = text(line, lineEnd(line)).split("\t");
            if (!key(fields[0]).equals(key)) {
                break;
            }
            if (fields.length >= 3 && fields[0].equalsIgnoreCase(word.strip())) {
                long offset = decode(fields[1]);
                long length = decode(fields[2]);
                if (offset >= 0 && length > 0 && length < 1 << 20) {
                    out.add(read(offset, (int) length));
                }
            }
        }
        return out;
    }

    /** dictd's order: lower case, only letters, digits and spaces (what {@code dictfmt} sorts by). */
    static String key(String headword) {
        StringBuilder out = new StringBuilder(headword.length());
        for (char c : headword.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '_') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private int lineStart(int position) {
        while (position > 0 && index.get(position - 1) != '\n') {
            position--;
        }
        return position;
    }

    private int lineEnd(int position) {
        int size = index.limit();
        while (position < size && index.get(position) != '\n') {
            position++;
        }
        return position;
    }

    private String headword(int line) {
        int end = line;
        int size = index.limit();
        while (end < size && index.get(end) != '\t' && index.get(end) != '\n') {
            end++;
        }
        return text(line, end);
    }

    private String text(int from, int to) {
        byte[] bytes = new byte[to - from];
        index.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String read(long offset, int length) {
        int first = (int) (offset / chunkLength);
        int last = (int) ((offset + length - 1) / chunkLength);
        if (last >= chunkStarts.length - 1) {
            return "";
        }
        byte[] plain = new byte[(last - first + 1) * chunkLength];
        int filled = 0;
        for (int chunk = first; chunk <= last; chunk++) {
            filled += inflate(chunk, plain, filled);
        }
        int from = (int) (offset - (long) first * chunkLength);
        return new String(plain, from, Math.max(0, Math.min(length, filled - from)), StandardCharsets.UTF_8);
    }

    private int inflate(int chunk, byte[] into, int at) {
        try {
            ByteBuffer compressed = ByteBuffer.allocate((int) (chunkStarts[chunk + 1] - chunkStarts[chunk]));
            readFully(dictChannel, compressed, chunkStarts[chunk]);
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(compressed.array(), 0, compressed.position());
                return inflater.inflate(into, at, chunkLength);
            } finally {
                inflater.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a damaged chunk in a dictionary: " + e.getMessage(), e);
        }
    }

    /** Reads from {@code position} until the buffer is full or the file ends (a read may return less). */
    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                return;
            }
            position += read;
        }
    }

    /** A number of a dictd index in its base64 digits, or -1 if it is none. */
    static long decode(String base64) {
        long value = 0;
        for (char c : base64.toCharArray()) {
            int digit = BASE64.indexOf(c);
            if (digit < 0) {
                return -1;
            }
            value = value * 64 + digit;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        indexChannel.close();
        dictChannel.close();
    }
}
