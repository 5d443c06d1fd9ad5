package se.fragafacket.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.Indexes;
import se.fragafacket.search.KnowledgeIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The knowledge base keeps what staff replace or delete, restores it, and refuses what it cannot take. */
class KnowledgeBaseHistoryTests {

    @TempDir
    Path root;

    private KnowledgeIndex index;
    private KnowledgeBase knowledgeBase;
    private FragaProperties fraga;

    @BeforeEach
    void open() throws IOException {
        fraga = new FragaProperties(root.resolve("knowledge"), root.resolve("data"));
        index = Indexes.open(root.resolve("data/index"));
        knowledgeBase = new KnowledgeBase(fraga, ingest(Duration.ofSeconds(60)), index);
        knowledgeBase.sync();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void replacingAndDeletingKeepTheEarlierFilesWhichRestoreBringsBack() throws Exception {
        knowledgeBase.put("plan.txt", text("Planen gäller för år 2025 och det är styrelsen som ansvarar."));
        knowledgeBase.put("plan.txt", text("Planen gäller för år 2026 och det är styrelsen som ansvarar."));
        knowledgeBase.put("plan.txt", text("Planen gäller för år 2026 och det är styrelsen som ansvarar."));
        List<KeptVersion> versions = knowledgeBase.versions("plan");
        assertThat(versions).as("an identical upload keeps nothing").hasSize(1);
        assertThat(versions.get(0).reason()).isEqualTo(KeptVersion.REPLACED);

        assertThat(knowledgeBase.remove("plan")).isTrue();
        assertThat(Files.exists(fraga.knowledgeDir().resolve("plan.txt"))).isFalse();
        assertThat(index.document("plan")).isEmpty();
        versions = knowledgeBase.versions("plan");
        assertThat(versions).extracting(KeptVersion::reason).containsExactly(KeptVersion.DELETED, KeptVersion.REPLACED);

        knowledgeBase.restore("plan", versions.get(1).versionId()).orElseThrow();
        assertThat(Files.readString(fraga.knowledgeDir().resolve("plan.txt"))).contains("2025");
        assertThat(index.passages("plan")).anySatisfy(p -> assertThat(p.text()).contains("2025"));
        assertThat(knowledgeBase.restore("plan", "20200101-000000-000")).isEmpty();
        assertThat(knowledgeBase.restore("../plan", versions.get(1).versionId())).isEmpty();
    }

    @Test
    void anUploadNeverOverwritesAFileTheIndexDidNotKnowWithoutKeepingIt() throws Exception {
        knowledgeBase.put("dubbel.md", text("Dubbeldokumentet i Markdown gäller för hela distriktet och alla medlemmar."));
        // a second file with the same documentId, put there by hand: the index serves dubbel.md only
        Files.writeString(fraga.knowledgeDir().resolve("dubbel.txt"), "Den här texten får aldrig försvinna osparad.");

        knowledgeBase.put("dubbel.txt", text("Den nya texten gäller från och med i dag för alla som är medlemmar."));

        assertThat(knowledgeBase.versions("dubbel")).extracting(KeptVersion::fileName)
                .containsExactlyInAnyOrder("dubbel.md", "dubbel.txt");
    }

    @Test
    void pruningKeepsTheNewestVersions() throws Exception {
        for (int year = 2020; year < 2026; year++) {
            knowledgeBase.put("arsplan.txt", text("Årsplanen för " + year + " är antagen av styrelsen och det gäller alla."));
        }
        assertThat(knowledgeBase.versions("arsplan")).hasSize(5);
        assertThat(knowledgeBase.pruneVersions("arsplan", 2)).isEqualTo(3);
        List<KeptVersion> kept = knowledgeBase.versions("arsplan");
        assertThat(kept).hasSize(2);
        assertThat(new String(Files.readAllBytes(root.resolve("data/history/arsplan").resolve(kept.get(0).versionId())
                .resolve("arsplan.txt")), StandardCharsets.UTF_8)).contains("2024");
    }

    @Test
    void aNameOutsideTheFolderIsRefusedHereToo() {
        for (String name : List.of("../utanfor.txt", "under/mapp.txt", ".dold.txt", "~$lås.txt", "")) {
            assertThatThrownBy(() -> knowledgeBase.put(name, text("Det här ska aldrig skrivas någonstans alls.")))
                    .as(name).isInstanceOf(UnreadableDocumentException.class);
        }
        assertThat(Files.exists(root.resolve("utanfor.txt"))).isFalse();
        assertThat(Files.exists(fraga.knowledgeDir().resolve("under"))).isFalse();
    }

    @Test
    void aParseThatRunsTooLongIsAbandonedAndChangesNothing() throws Exception {
        knowledgeBase.put("rapport.txt", text("Rapporten är kort och det är den som gäller för medlemmarna."));
        var impatient = new KnowledgeBase(fraga, ingest(Duration.ofMillis(100)), index);

        assertThatThrownBy(() -> impatient.put("rapport.pdf", longPdf(1500)))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("longer than");

        try (var files = Files.list(fraga.knowledgeDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rapport.txt");
        }
        assertThat(index.document("rapport").orElseThrow().fileName()).isEqualTo("rapport.txt");
        assertThat(knowledgeBase.versions("rapport")).isEmpty();
    }

    private static IngestProperties ingest(Duration parseTimeout) {
        return new IngestProperties(900, DataSize.ofMegabytes(20), 2_000_000, parseTimeout, List.of());
    }

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(40, 750);
                    for (int line = 0; line < 60; line++) {
                        content.showText("Sida " + i + " rad " + line + ": medlemmarna diskuterar arbetsmiljö och lön.");
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
