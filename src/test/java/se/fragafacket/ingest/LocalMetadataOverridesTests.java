package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.DocumentMetadata;

class LocalMetadataOverridesTests {

    @TempDir
    Path data;

    @Test
    void keepsWhatStaffSetInAFileAndForgetsWhatTheyClear() {
        var fraga = new FragaProperties(data.resolve("knowledge"), data);
        new LocalMetadataOverrides(fraga).put("om-oss", new DocumentMetadata("Om oss", null, "LO-facket i Alingsås", null,
                LocalDate.of(2024, 6, 1)));
        new LocalMetadataOverrides(fraga).put("annat", new DocumentMetadata(null, "Kommunal", null, null, null));

        var again = new LocalMetadataOverrides(fraga);
        assertThat(again.all()).containsOnlyKeys("om-oss", "annat");
        assertThat(again.all().get("om-oss").date()).isEqualTo(LocalDate.of(2024, 6, 1));
        again.put("annat", DocumentMetadata.NONE);
        assertThat(new LocalMetadataOverrides(fraga).all()).containsOnlyKeys("om-oss");
    }

    @Test
    void aDamagedFileIsKeptAsideAndTheServiceGoesOnWithoutIt() throws Exception {
        Files.writeString(data.resolve("metadata-overrides.json"), "{\"om-oss\": {\"date\": \"inte ett datum\"}}");
        var overrides = new LocalMetadataOverrides(new FragaProperties(data.resolve("knowledge"), data));

        assertThat(overrides.all()).isEmpty();
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith("metadata-overrides.json.unreadable-"));
        }
    }
}
