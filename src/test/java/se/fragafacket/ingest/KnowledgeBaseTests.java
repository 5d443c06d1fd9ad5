package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.fragafacket.Settings;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.Indexes;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/** The knowledge folder kept in step with a real index on disk, across restarts. */
@ExtendWith(OutputCaptureExtension.class)
class KnowledgeBaseTests {

    @TempDir
    Path root;

    private Path folder;
    private Path indexDir;
    private KnowledgeIndex index;
    private KnowledgeBase knowledgeBase;

    @BeforeEach
    void open() throws IOException {
        folder = Files.createDirectories(root.resolve("knowledge"));
        indexDir = root.resolve("data/index");
        start();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    /** What a start of the service does: open the index on disk and bring it in step with the folder. */
    private void start() {
        index = Indexes.open(indexDir);
        knowledgeBase = new KnowledgeBase(new FragaProperties(folder, root.resolve("data")),
                Settings.defaults("fraga.ingest", IngestProperties.class), index);
    }

    private void restart() throws IOException {
        index.close();
        start();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private List<String> documentIds() {
        return index.documents().stream().map(DocumentRecord::documentId).toList();
    }

    private List<Passage> search(String question) {
        return index.search(question, Language.detect(question), "", java.util.Set.of(), 5).passages();
    }

    private void writeCorpus() throws IOException {
        write("lokalt.txt", "Lokalt och regionalt\n\nI dag finns det nio LO-distrikt av varierande storlek.\n");
        write("plan.md", "# Verksamhetsplan 2024\n\n## Viktiga datum\n\nHöstmöte LO-distriktet i Västsverige 25 november\n");
        write("om-oss.html", "<html><head><title>Om oss</title></head><body><h1>Om oss</h1>"
                + "<p>Huvudkontoret ligger i Katrineholm.</p></body></html>");
        Files.write(folder.resolve("hva-vi-gjor.odt"), Documents.odt("Hva vi gjør", List.of(
                Documents.Part.h(1, "Hva vi gjør"),
                Documents.Part.p("LOs lokalorganisasjoner er viktige verksteder og møteplasser for tillitsvalgte.")), List.of()));
    }

    @Test
    void indexesEveryReadableFileOfTheFolderByItsName() throws IOException {
        writeCorpus();

        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.indexed()).isEqualTo(4);
        assertThat(report.unchanged()).isZero();
        assertThat(report.failed()).isEmpty();
        assertThat(knowledgeBase.isReady()).isTrue();
        assertThat(index.documents()).extracting(DocumentRecord::documentId, DocumentRecord::fileName, DocumentRecord::title,
                        DocumentRecord::language)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("hva-vi-gjor", "hva-vi-gjor.odt", "Hva vi gjør", Language.NO),
                        org.assertj.core.api.Assertions.tuple("lokalt", "lokalt.txt", "Lokalt och regionalt", Language.SV),
                        org.assertj.core.api.Assertions.tuple("om-oss", "om-oss.html", "Om oss", Language.SV),
                        org.assertj.core.api.Assertions.tuple("plan", "plan.md", "Verksamhetsplan 2024", Language.SV));
        assertThat(search("Var ligger huvudkontoret?").get(0).documentId()).isEqualTo("om-oss");
        assertThat(search("Hva er lokalorganisasjoner?").get(0).documentId()).isEqualTo("hva-vi-gjor");
        assertThat(index.passages("plan")).singleElement()
                .extracting(Passage::headingPath).isEqualTo("Verksamhetsplan 2024 › Viktiga datum");
    }

    @Test
    void skipsAnUnreadableFileWithALogLineAndStillServesTheRest(CapturedOutput output) throws IOException {
        writeCorpus();
        byte[] pdf = Documents.pdf("Plan", List.of("Höstmöte 25 november"));
        Files.write(folder.resolve("trasig.pdf"), Arrays.copyOf(pdf, 200));
        Files.write(folder.resolve("tom.txt"), new byte[0]);

        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.indexed()).isEqualTo(4);
        assertThat(report.failed()).containsOnlyKeys("trasig.pdf", "tom.txt")
                .containsEntry("tom.txt", "the file is empty");
        assertThat(report.failed().get("trasig.pdf")).startsWith("it could not be read");
        assertThat(output).contains("Skipping tom.txt: the file is empty")
                .contains("Skipping trasig.pdf: it could not be read");
        assertThat(documentIds()).containsExactly("hva-vi-gjor", "lokalt", "om-oss", "plan");
        assertThat(knowledgeBase.isReady()).isTrue();
        assertThat(search("Hur många LO-distrikt finns det?").get(0).text()).contains("nio LO-distrikt");
    }

    @Test
    void skipsAFileTooLargeToTakeInWithoutReadingItAndStillServesTheRest(CapturedOutput output) throws IOException {
        writeCorpus();
        index.close();
        index = Indexes.open(indexDir);
        knowledgeBase = new KnowledgeBase(new FragaProperties(folder, root.resolve("data")),
                Settings.bind("fraga.ingest", IngestProperties.class, Map.of("max-file-size", "8KB")), index);
        write("jatte.txt", "Ett mycket långt dokument. ".repeat(2_000));

        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.failed()).containsOnlyKeys("jatte.txt");
        assertThat(report.failed().get("jatte.txt")).isEqualTo("the file is larger than 8 KB");
        assertThat(output).contains("Skipping jatte.txt: the file is larger than");
        assertThat(documentIds()).doesNotContain("jatte").contains("lokalt");
        assertThat(knowledgeBase.isReady()).isTrue();
    }

    @Test
    void aRestartOverAnUnchangedFolderIndexesNothing() throws IOException {
        writeCorpus();
        knowledgeBase.sync();

        restart();
        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.indexed()).isZero();
        assertThat(report.unchanged()).isEqualTo(4);
        assertThat(report.removed()).isZero();
        assertThat(report.failed()).isEmpty();
        assertThat(documentIds()).containsExactly("hva-vi-gjor", "lokalt", "om-oss", "plan");
        assertThat(search("När är höstmötet?").get(0).text()).contains("25 november");
    }

    @Test
    void aRestartReindexesAChangedFileAddsANewOneAndDeletesARemovedOne() throws IOException {
        writeCorpus();
        knowledgeBase.sync();
        index.close();

        write("plan.md", "# Verksamhetsplan 2025\n\n## Viktiga datum\n\nHöstmöte LO-distriktet i Västsverige 3 december\n");
        Files.delete(folder.resolve("om-oss.html"));
        write("ny.txt", "Skyddsombudens dag\n\nSkyddsombudens dag är den 23 oktober.\n");
        start();
        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.indexed()).isEqualTo(2);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(documentIds()).containsExactly("hva-vi-gjor", "lokalt", "ny", "plan");
        assertThat(search("När är höstmötet?")).extracting(Passage::text)
                .containsExactly("Höstmöte LO-distriktet i Västsverige 3 december");
        assertThat(search("Var ligger huvudkontoret i Katrineholm?")).isEmpty();
        assertThat(search("När är skyddsombudens dag?").get(0).documentId()).isEqualTo("ny");
    }

    @Test
    void aFileThatBecomesUnreadableLeavesTheIndex() throws IOException {
        writeCorpus();
        knowledgeBase.sync();

        Files.write(folder.resolve("lokalt.txt"), new byte[0]);
        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.failed()).containsOnlyKeys("lokalt.txt");
        assertThat(documentIds()).containsExactly("hva-vi-gjor", "om-oss", "plan");
        assertThat(search("Hur många LO-distrikt finns det?")).noneMatch(p -> p.documentId().equals("lokalt"));
    }

    @Test
    void skipsHiddenFilesAndASecondFileWithTheSameDocumentId(CapturedOutput output) throws IOException {
        write("lokalt.txt", "Lokalt och regionalt\n\nI dag finns det nio LO-distrikt.\n");
        write("lokalt.md", "# Lokalt\n\nDet finns tio LO-distrikt.\n");
        write(".upload-123.part", "Halvfärdig uppladdning om LO-distrikt.\n");

        KnowledgeBase.SyncReport report = knowledgeBase.sync();

        assertThat(report.indexed()).isEqualTo(1);
        assertThat(index.documents()).extracting(DocumentRecord::fileName).containsExactly("lokalt.md");
        assertThat(output).contains("Skipping lokalt.txt: lokalt.md already has the documentId 'lokalt'");
    }

    @Test
    void putWritesTheFileAndReplacesTheDocumentsPassages() throws Exception {
        writeCorpus();
        knowledgeBase.sync();

        DocumentRecord record = knowledgeBase.put("plan.md",
                "# Verksamhetsplan 2025\n\n## Viktiga datum\n\nHöstmöte LO-distriktet i Västsverige 3 december\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(record.documentId()).isEqualTo("plan");
        assertThat(record.title()).isEqualTo("Verksamhetsplan 2025");
        assertThat(Files.readString(folder.resolve("plan.md"))).contains("3 december");
        assertThat(search("När är höstmötet?")).extracting(Passage::text)
                .containsExactly("Höstmöte LO-distriktet i Västsverige 3 december");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
        }
        restart();
        assertThat(knowledgeBase.sync().indexed()).as("the upload is already indexed").isZero();
    }

    @Test
    void putUnderANewExtensionReplacesTheOldFile() throws Exception {
        writeCorpus();
        knowledgeBase.sync();

        knowledgeBase.put("lokalt.docx", Documents.docx("Lokalt och regionalt", List.of(
                Documents.Part.h(1, "Lokalt och regionalt"),
                Documents.Part.p("I dag finns det tio LO-distrikt."))));

        assertThat(folder.resolve("lokalt.txt")).doesNotExist();
        assertThat(folder.resolve("lokalt.docx")).exists();
        assertThat(index.passages("lokalt")).extracting(Passage::text).containsExactly("I dag finns det tio LO-distrikt.");
    }

    @Test
    void putRefusesAnUnreadableFileAndChangesNothing() throws IOException {
        writeCorpus();
        knowledgeBase.sync();

        assertThatThrownBy(() -> knowledgeBase.put("lokalt.txt", new byte[0]))
                .isInstanceOf(UnreadableDocumentException.class).hasMessage("the file is empty");

        assertThat(Files.readString(folder.resolve("lokalt.txt"))).contains("nio LO-distrikt");
        assertThat(search("Hur många LO-distrikt finns det?").get(0).text()).contains("nio LO-distrikt");
    }

    @Test
    void removeDeletesTheFileAndItsPassages() throws IOException {
        writeCorpus();
        knowledgeBase.sync();

        assertThat(knowledgeBase.remove("om-oss")).isTrue();
        assertThat(knowledgeBase.remove("om-oss")).isFalse();

        assertThat(folder.resolve("om-oss.html")).doesNotExist();
        assertThat(documentIds()).doesNotContain("om-oss");
        assertThat(search("Var ligger huvudkontoret i Katrineholm?")).isEmpty();
        restart();
        assertThat(knowledgeBase.sync().removed()).isZero();
    }
}
