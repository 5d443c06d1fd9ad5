package se.fragafacket.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.DocumentMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Staff's metadata overrides in {@code fraga.data-dir}/metadata-overrides.json, written whole and moved into place. */
@Component
public class LocalMetadataOverrides implements MetadataOverrides {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LocalMetadataOverrides.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private Map<String, DocumentMetadata> overrides;

    public LocalMetadataOverrides(FragaProperties fraga) {
        this.file = fraga.dataDir().toAbsolutePath().normalize().resolve("metadata-overrides.json");
    }

    @Override
    public synchronized Map<String, DocumentMetadata> all() {
        return Map.copyOf(loaded());
    }

    @Override
    public synchronized void put(String documentId, DocumentMetadata override) {
        Map<String, DocumentMetadata> changed = new TreeMap<>(loaded());
        if (override == null || override.isEmpty()) {
            changed.remove(documentId);
        } else {
            changed.put(documentId, override);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        changed.forEach((id, metadata) -> out.put(id, metadata.texts()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".metadata-", ".part");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        overrides = changed;
    }

    private Map<String, DocumentMetadata> loaded() {
        if (overrides == null) {
            overrides = new TreeMap<>();
            if (Files.isRegularFile(file)) {
                try {
                    Map<String, Map<String, String>> read = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                            new TypeReference<Map<String, Map<String, String>>>() { });
                    read.forEach((id, values) -> overrides.put(id, DocumentMetadata.of(values)));
                } catch (IOException | JacksonException | java.time.DateTimeException | NullPointerException e) {
                    // the service still starts, on the documents' own metadata; the file is kept aside, not overwritten
                    overrides.clear();
                    Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
                    try {
                        Files.move(file, aside);
                    } catch (IOException moving) {
                        e.addSuppressed(moving);
                    }
                    log.warn("Cannot read staff's document metadata in {} ({}); moved it to {} and going on without it",
                            file, e.getMessage(), aside);
                }
            }
        }
        return overrides;
    }
}
