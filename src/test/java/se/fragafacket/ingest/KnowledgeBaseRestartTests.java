package se.fragafacket.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.fragafacket.Settings;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.Indexes;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/**
 * A restart reads only files whose size or modification time changed (counted parses, a real index on disk),
 * and files read side by side make the same index as files read one after another.
 */
class KnowledgeBaseRestartTests {

    /** Long enough ago that the noted size and time are trusted without comparing content. */
    private static final Instant EARLIER = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path root;

    private Path folder;
    private final List<KnowledgeIndex> opened = new ArrayList<>();

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(root.resolve("knowledge"));
    }

    @AfterEach
    void close() throws IOException {
        for (KnowledgeIndex index : opened) {
            index.close();
        }
    }

    /** What a start of the service does: open the index on disk and a knowledge base over the folder. */
    private KnowledgeBase start(String data) throws IOException {
        for (KnowledgeIndex index : opened) {
            index.close();
        }
        opened.clear();
        KnowledgeIndex index = Indexes.open(root.resolve(data).resolve("index"));
        opened.add(index);
        return new KnowledgeBase(new FragaProperties(folder, root.resolve(data)),
                Settings.defaults("fraga.ingest", IngestProperties.class), index);
    }

    private KnowledgeIndex index() {
        return opened.get(0);
    }

    private void write(String name, String text, Instant modified) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void aRestartParsesOnlyTheFilesThatChanged() throws IOException {
        write("lokalt.txt", "Lokalt och regionalt\n\nI dag finns det nio LO-distrikt av varierande storlek.\n", EARLIER);
        write("plan.md", "# Verksamhetsplan 2024\n\n## Viktiga datum\n\nHöstmöte i Västsverige den 25 november.\n", EARLIER);
        write("om-oss.html", "<html><head><title>Om oss</title></head><body><h1>Om oss</h1>"
                + "<p>Huvudkontoret ligger i Katrineholm.</p></body></html>", EARLIER);
        KnowledgeBase first = start("data");
        assertThat(first.sync().indexed()).isEqualTo(3);
        assertThat(first.parsed()).isEqualTo(3);

        KnowledgeBase second = start("data");
        KnowledgeBase.SyncReport unchanged = second.sync();
        assertThat(second.parsed()).isZero();
        assertThat(unchanged.unchanged()).isEqualTo(3);
        assertThat(index().documentCount()).isEqualTo(3);

        // one file changed (its size and time differ): only it is parsed, and its new text is what is found
        write("plan.md", "# Verksamhetsplan 2024\n\n## Viktiga datum\n\nHöstmöte i Västsverige den 2 december.\n",
                EARLIER.plusSeconds(60));
        KnowledgeBase third = start("data");
        KnowledgeBase.SyncReport changed = third.sync();
        assertThat(third.parsed()).isEqualTo(1);
        assertThat(changed.indexed()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(2);
        assertThat(index().passages("plan")).extracting(Passage::text).anyMatch(t -> t.contains("2 december"))
                .noneMatch(t -> t.contains("25 november"));
        assertThat(index().document("plan")).get().extracting(DocumentRecord::updatedAt)
                .isEqualTo(EARLIER.plusSeconds(60));

        // and the next restart skips it again
        KnowledgeBase fourth = start("data");
        fourth.sync();
        assertThat(fourth.parsed()).isZero();
    }

    @Test
    void aFileChangedTooSoonAfterItWasReadToTrustItsTimeIsComparedByContent() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        write("lokalt.txt", "I dag finns det nio LO-distrikt.\n", now);
        KnowledgeBase first = start("data");
        first.sync();

        // same size, same modification time, other content: the time was noted too soon to be trusted alone
        write("lokalt.txt", "I dag finns det sju LO-distrikt.\n", now);
        KnowledgeBase second = start("data");
        KnowledgeBase.SyncReport report = second.sync();
        assertThat(second.parsed()).isEqualTo(1);
        assertThat(report.indexed()).isEqualTo(1);
        assertThat(index().passages("lokalt")).extracting(Passage::text).containsExactly("I dag finns det sju LO-distrikt.");

        // the same content again: compared, found equal, not parsed
        KnowledgeBase third = start("data");
        assertThat(third.sync().unchanged()).isEqualTo(1);
        assertThat(third.parsed()).isZero();
    }

    @Test
    void aFileRemovedOrRenamedIsNoticedWithoutReadingTheOthers() throws IOException {
        write("lokalt.txt", "I dag finns det nio LO-distrikt.\n", EARLIER);
        write("plan.md", "# Plan\n\nHöstmöte den 25 november.\n", EARLIER);
        start("data").sync();

        Files.delete(folder.resolve("lokalt.txt"));
        Files.move(folder.resolve("plan.md"), folder.resolve("plan.txt"));
        KnowledgeBase restarted = start("data");
        KnowledgeBase.SyncReport report = restarted.sync();
        assertThat(report.removed()).isEqualTo(1);
        assertThat(restarted.parsed()).isEqualTo(1); // the renamed file, under its new name
        assertThat(index().documents()).extracting(DocumentRecord::fileName).containsExactly("plan.txt");
    }

    @Test
    void filesReadSideBySideMakeTheSameIndexAsFilesReadInTurn() throws IOException {
        String[] districts = {"Västsverige", "Mellansverige", "Vestoppland", "Norrbotten", "Skåne", "Stockholm"};
        for (int i = 0; i < 40; i++) {
            String district = districts[i % districts.length];
            StringBuilder text = new StringBuilder("# Verksamhetsplan " + (2020 + i % 5) + " för LO " + district + "\n\n");
            for (int s = 0; s < 3 + i % 4; s++) {
                text.append("## Avsnitt ").append(s + 1).append("\n\n")
                        .append("LO-distriktet i ").append(district).append(" ordnar ").append(i + s)
                        .append(" studiecirklar om medlemsrekrytering och arbetsmiljö under året.\n\n")
                        .append("- Kontakt: Per Ek, telefon 0150-732 ").append(10 + s).append('\n')
                        .append("- Möte den ").append(1 + (i + s) % 28).append(" maj\n\n");
            }
            String extension = i % 3 == 0 ? "txt" : "md";
            write(String.format(Locale.ROOT, "plan-%02d.%s", i, extension), text.toString(), EARLIER);
        }
        write("om-oss.html", "<html><head><title>Om oss</title></head><body><h1>Om oss</h1>"
                + "<p>Huvudkontoret ligger i Katrineholm.</p><ul><li>Studier</li><li>Medlemsrekrytering</li></ul></body></html>", EARLIER);

        KnowledgeBase inTurn = start("in-turn");
        inTurn.ingestThreads(1);
        assertThat(inTurn.sync().indexed()).isEqualTo(41);
        Snapshot sequential = snapshot(index());

        KnowledgeBase sideBySide = start("side-by-side");
        sideBySide.ingestThreads(4);
        assertThat(sideBySide.sync().indexed()).isEqualTo(41);
        Snapshot parallel = snapshot(index());

        assertThat(parallel.documents()).hasSize(41).isEqualTo(sequential.documents());
        assertThat(parallel.passages()).isNotEmpty().isEqualTo(sequential.passages());
        assertThat(parallel.found()).isNotEmpty().isEqualTo(sequential.found());
    }

    private record Snapshot(List<DocumentRecord> documents, List<Passage> passages, List<String> found) {
    }

    private static Snapshot snapshot(KnowledgeIndex index) {
        List<DocumentRecord> documents = index.documents();
        List<Passage> passages = new ArrayList<>();
        documents.forEach(d -> passages.addAll(index.passages(d.documentId())));
        List<String> found = new ArrayList<>();
        for (String question : List.of("Hur många studiecirklar ordnar LO Vestoppland?", "medlemsrekrytering", "Per Ek telefon")) {
            // the scores in turn (passages of equal score may come in either order): the same term statistics
            for (Passage passage : index.search(question, Language.detect(question), "", Set.of(), 1000).passages()) {
                found.add(question + "=" + String.format(Locale.ROOT, "%.4f", passage.score()));
            }
        }
        return new Snapshot(documents, passages, found);
    }
}
