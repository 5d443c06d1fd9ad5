package se.fragafacket.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What is noted of a file when it is indexed, so a restart can skip it without reading it: its size and
 * modification time. A file changed again within the file system's clock tick after it was read could keep
 * both, so a stamp taken within {@link #SETTLING} of the file's last change is only trusted after its content
 * is compared (its hash), the way git treats "racily clean" files.
 *
 * @param settled the file had not been changed for {@link #SETTLING} when it was read
 */
record FileStamp(long size, long modifiedNanos, boolean settled) {

    static final long SETTLING = TimeUnit.SECONDS.toNanos(2);

    static FileStamp of(Path file, Instant now) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class), now);
    }

    /** From attributes already read (a folder walk's). */
    static FileStamp of(BasicFileAttributes attributes, Instant now) {
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        return new FileStamp(attributes.size(), modified, nowNanos - modified >= SETTLING);
    }

    /** As written into the index; empty or unreadable text is no stamp. */
    String text() {
        return size + ":" + modifiedNanos + (settled ? "" : ":unsettled");
    }

    static FileStamp parse(String text) {
        String[] parts = text.split(":");
        try {
            return parts.length >= 2 ? new FileStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts.length == 2) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Same size and modification time. */
    boolean sameFile(FileStamp other) {
        return other != null && size == other.size && modifiedNanos == other.modifiedNanos;
    }

    Instant modified() {
        return Instant.ofEpochSecond(0, modifiedNanos);
    }
}
