package se.fragafacket.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language resources in a compact form, written once into the data folder ({@code fraga.data-dir}/cache)
 * so that every start after the first reads a small binary file instead of parsing the installed text files
 * again. Each file is keyed: the format version, the service's own code (a digest of the class files that make
 * the forms, so a changed build makes them again), Lucene's version, and the size and modification time of each source file (or the
 * digest of a text); a file whose key differs is made again from the sources. A file that cannot be read
 * (truncated, damaged: each carries a CRC-32 of its contents) is logged and made again, never fatal. The
 * files are made from installed GPL/LGPL data and stay in the data folder: never in the jar or the sources.
 */
public final class ResourceCache {

    private static final Logger log = LoggerFactory.getLogger(ResourceCache.class);
    private static final int MAGIC = 0x46464331; // "FFC1"
    /** Raised when the layout of any cached form changes. */
    static final int FORMAT = 1;
    private static final String CODE = codeStamp();

    /** Writes a value to a cache file. */
    public interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    /** Reads a value back from a cache file. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Makes the value from its sources (the slow way). */
    public interface Maker<T> {
        T make() throws Exception;
    }

    private final Path folder;

    private ResourceCache(Path folder) {
        this.folder = folder;
    }

    /** No cache: every value is made from its sources. */
    public static ResourceCache none() {
        return new ResourceCache(null);
    }

    /** Cache files in {@code folder} (made when first written). */
    public static ResourceCache in(Path folder) {
        return new ResourceCache(folder);
    }

    /** The size and modification time of each source file ("absent" for one that is not there). */
    public static String stamp(Path... sources) {
        StringBuilder out = new StringBuilder();
        for (Path source : sources) {
            out.append(source.toAbsolutePath()).append(':');
            try {
                BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
                out.append(attributes.size()).append(':').append(attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                out.append("absent");
            }
            out.append(';');
        }
        return out.toString();
    }

    /** A text's SHA-256 (the key of a value made from a text rather than a file). */
    public static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value cached under {@code name} if its key is {@code key}; else made, written under that key, and
     * returned. Failing to read or write the cache is logged; the value is then made from the sources.
     */
    public <T> T get(String name, String key, Maker<T> maker, Writer<T> writer, Reader<T> reader) throws Exception {
        if (folder == null) {
            return maker.make();
        }
        String fullKey = FORMAT + "|" + CODE + "|lucene " + org.apache.lucene.util.Version.LATEST + "|" + key;
        Path file = folder.resolve(name + ".bin");
        if (Files.isRegularFile(file)) {
            long start = System.nanoTime();
            try {
                T value = read(file, fullKey, reader);
                if (value != null) {
                    log.debug("Cached {} read from {} in {} ms", name, file, (System.nanoTime() - start) / 1_000_000);
                    return value;
                }
                log.info("Cached {} in {} was made from other sources or another build: it is made again", name, file);
            } catch (IOException | RuntimeException e) {
                log.warn("Cached {} in {} cannot be read ({}): it is made again from its sources", name, file, e.toString());
            }
        }
        long start = System.nanoTime();
        T value = maker.make();
        long made = System.nanoTime();
        try {
            write(file, fullKey, value, writer);
            log.info("{} made from its sources in {} ms and cached in {} (later starts read it from there)", name,
                    (made - start) / 1_000_000, file);
        } catch (IOException | RuntimeException e) {
            log.warn("{} could not be cached in {} ({}): the next start makes it again", name, file, e.toString());
        }
        return value;
    }

    /** The value, or null when the file was made under another key. */
    private static <T> T read(Path file, String key, Reader<T> reader) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a cache file");
        }
        if (!in.readUTF().equals(key)) {
            return null;
        }
        int length = in.readInt();
        long crc = in.readLong();
        int offset = bytes.length - in.available();
        if (length < 0 || length != bytes.length - offset) {
            throw new EOFException("truncated: " + (bytes.length - offset) + " of " + length + " bytes");
        }
        CRC32 check = new CRC32();
        check.update(bytes, offset, length);
        if (check.getValue() != crc) {
            throw new IOException("checksum differs");
        }
        T value = reader.read(in);
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes left over");
        }
        return value;
    }

    private static <T> void write(Path file, String key, T value, Writer<T> writer) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            writer.write(value, out);
        }
        byte[] bytes = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().threadId() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(MAGIC);
            out.writeUTF(key);
            out.writeInt(bytes.length);
            out.writeLong(crc.getValue());
            out.write(bytes);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The service's own code that makes the cached forms: a digest of its class files, the same in the jar and
     * in the unpacked layout of the AOT cache (so both may share a data folder), different after any change.
     */
    private static String codeStamp() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : new String[] {"Analysis", "Synonyms", "Thesaurus", "BilingualLexicon", "Lexicon",
                    "ResourceCache", "OrganisationSynonyms", "FilteringAnalyzer", "Language"}) {
                try (var in = ResourceCache.class.getResourceAsStream(name + ".class")) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return "code " + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "code unknown";
        }
    }
}
