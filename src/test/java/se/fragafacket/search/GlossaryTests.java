package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;

class GlossaryTests {

    private final Analysis analysis = new Analysis();

    @Test
    void staffsTermsFileIsUsedWhenThereIsOne(@TempDir Path data) throws IOException {
        var shipped = new ByteArrayResource("maj | mai | may\n".getBytes(StandardCharsets.UTF_8));
        Path staff = data.resolve("glossary.txt");
        try (InputStream in = Glossary.organisationTerms(staff, shipped)) {
            assertThat(new Glossary(analysis, in).matches(analysis.terms("sossarna", Language.SV), Language.SV)).isEmpty();
        }
        Files.writeString(staff, "sossarna | socialdemokraterna\n");
        try (InputStream in = Glossary.organisationTerms(staff, shipped)) {
            List<Glossary.Match> matches = new Glossary(analysis, in)
                    .matches(analysis.terms("Vad tycker sossarna?", Language.SV), Language.SV);
            assertThat(matches).singleElement().satisfies(m -> assertThat(m.ringWords()).contains("socialdemokraterna"));
        }
    }

    @Test
    void generalDictionaryLinesAreMarked() throws IOException {
        var glossary = new Glossary(analysis, new java.io.ByteArrayInputStream(
                "~autumn | höst\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(glossary.matches(analysis.terms("autumn", Language.EN), Language.EN))
                .singleElement().satisfies(m -> assertThat(m.general()).isTrue());
    }
}
