package se.fragafacket.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replaced and deleted versions of knowledge documents, one folder per version:
 * {@code <history>/<documentId>/<versionId>/} holds the file under its own name and {@code version.json}.
 * Only {@link KnowledgeBase} writes here, under its write lock.
 */
final class VersionArchive {

    private static final String META = "version.json";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern VERSION_ID = Pattern.compile("\\d{8}-\\d{6}-\\d{3}(-\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;

    VersionArchive(Path root) {
        this.root = root;
    }

    /** Copies a file about to leave the knowledge folder into the archive (written fully before it counts). */
    KeptVersion keep(String documentId, Path file, String reason, String contentHash) throws IOException {
        Instant now = Instant.now();
        Path folder = root.resolve(documentId);
        Files.createDirectories(folder);
        String base = ID.format(now);
        String versionId = base;
        for (int i = 2; Files.exists(folder.resolve(versionId)) || Files.exists(folder.resolve("." + versionId)); i++) {
            versionId = base + "-" + i;
        }
        // written under a hidden name and renamed, so a crash never leaves a half version that lists
        Path partial = folder.resolve("." + versionId);
        Files.createDirectories(partial);
        String fileName = file.getFileName().toString();
        Files.copy(file, partial.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        var version = new KeptVersion(versionId, documentId, fileName, reason, now, Files.size(file), contentHash);
        Files.writeString(partial.resolve(META), JSON.writeValueAsString(version));
        Files.move(partial, folder.resolve(versionId), StandardCopyOption.ATOMIC_MOVE);
        return version;
    }

    /** A document's kept versions, newest first. */
    List<KeptVersion> versions(String documentId) throws IOException {
        Path folder = root.resolve(documentId);
        if (!isPlainName(documentId) || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<KeptVersion> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                read(child).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(KeptVersion::versionId).reversed());
        return out;
    }

    /** Every kept version of every document, newest first. */
    List<KeptVersion> versions() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<KeptVersion> out = new ArrayList<>();
        try (Stream<Path> documents = Files.list(root)) {
            for (Path document : documents.filter(Files::isDirectory).toList()) {
                out.addAll(versions(document.getFileName().toString()));
            }
        }
        out.sort(Comparator.comparing(KeptVersion::keptAt).reversed());
        return out;
    }

    Optional<KeptVersion> version(String documentId, String versionId) throws IOException {
        if (!isPlainName(documentId) || !VERSION_ID.matcher(versionId).matches()) {
            return Optional.empty();
        }
        return read(root.resolve(documentId).resolve(versionId));
    }

    byte[] content(KeptVersion version) throws IOException {
        return Files.readAllBytes(root.resolve(version.documentId()).resolve(version.versionId()).resolve(version.fileName()));
    }

    /** Removes all but the newest {@code keep} versions of a document. */
    int prune(String documentId, int keep) throws IOException {
        List<KeptVersion> versions = versions(documentId);
        int removed = 0;
        for (KeptVersion old : versions.subList(Math.min(keep, versions.size()), versions.size())) {
            Path folder = root.resolve(documentId).resolve(old.versionId());
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
            removed++;
        }
        return removed;
    }

    private static Optional<KeptVersion> read(Path folder) throws IOException {
        Path meta = folder.resolve(META);
        if (!VERSION_ID.matcher(folder.getFileName().toString()).matches() || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(meta), KeptVersion.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0;
    }
}
