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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.fragafacket.Settings;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Language;
import se.fragafacket.search.Lexicon;
import se.fragafacket.search.OrganisationSynonyms;
import se.fragafacket.search.ResourceCache;
import se.fragafacket.search.Retrieval;
import se.fragafacket.search.SearchProperties;
import se.fragafacket.search.Synonyms;
import se.fragafacket.search.SynonymsExpansion;

/**
 * The start does not wait for the Hunspell dictionaries: a restart over an unchanged folder opens the index and
 * syncs without them having been read (their reading held back by an executor the test controls), and a
 * question asked before they are read waits for them and then finds exactly what it finds after.
 */
class StartBeforeDictionariesTests {

    private static final Path HUNSPELL = Path.of("/usr/share/hunspell");
    private static final Instant EARLIER = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final Analysis ANALYSIS = new Analysis();
    private static final Synonyms SHIPPED = Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList());

    @TempDir
    Path root;

    /** Holds the tasks given to it until released. */
    private static final class Held implements Executor {
        private final List<Runnable> tasks = new ArrayList<>();
        private boolean released;

        @Override
        public synchronized void execute(Runnable task) {
            if (released) {
                task.run();
            } else {
                tasks.add(task);
            }
        }

        void release() {
            List<Runnable> waiting;
            synchronized (this) {
                released = true;
                waiting = List.copyOf(tasks);
                tasks.clear();
            }
            waiting.forEach(Runnable::run);
        }
    }

    private KnowledgeIndex index(Path data, Lexicon lexicon) {
        return new KnowledgeIndex(data.resolve("index"), ANALYSIS, SynonymsExpansion.of(ANALYSIS, SHIPPED),
                Settings.defaults("fraga.search", SearchProperties.class), Optional.empty(), lexicon, true);
    }

    private KnowledgeBase knowledgeBase(Path folder, Path data, KnowledgeIndex index) {
        return new KnowledgeBase(new FragaProperties(folder, data),
                Settings.defaults("fraga.ingest", IngestProperties.class), index);
    }

    @Test
    void aRestartOverAnUnchangedFolderAndAQuestionBeforeTheDictionariesAreRead() throws Exception {
        Path folder = Files.createDirectories(root.resolve("knowledge"));
        Path data = root.resolve("data");
        Path file = folder.resolve("lokalt.txt");
        Files.writeString(file, "Lokalt och regionalt\n\nI dag finns det nio LO-distrikt av varierande storlek. "
                + "Förbundsmedlemmarna träffas på medlemsmötet i Västsverige.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(EARLIER));

        // the first start reads the dictionaries (passages are analysed with them)
        Lexicon read = Lexicon.load(HUNSPELL, ResourceCache.none(), Runnable::run);
        assertThat(read.isRead()).isTrue();
        try (KnowledgeIndex first = index(data, read)) {
            assertThat(knowledgeBase(folder, data, first).sync().indexed()).isEqualTo(1);
        }

        // a restart whose dictionaries are not read yet: the index opens and the folder is found unchanged
        String question = "Hur många förbundsmedlemmar träffas på medlemsmöten?";
        Retrieval waited;
        Held held = new Held();
        Lexicon notYet = Lexicon.load(HUNSPELL, ResourceCache.none(), held);
        assertThat(notYet.signature()).isEqualTo(read.signature()).isNotEmpty();
        try (KnowledgeIndex restarted = index(data, notYet)) {
            KnowledgeBase.SyncReport report = knowledgeBase(folder, data, restarted).sync();
            assertThat(report.unchanged()).isEqualTo(1);
            assertThat(report.indexed()).isZero();
            assertThat(notYet.isRead()).isFalse();

            // a question asked now waits for the dictionaries it uses
            AtomicReference<Thread> asking = new AtomicReference<>();
            CompletableFuture<Retrieval> early = CompletableFuture.supplyAsync(() -> {
                asking.set(Thread.currentThread());
                return restarted.search(question, Language.SV, "", Set.of(), 10);
            }, command -> new Thread(command, "asking").start());
            while (asking.get() == null || asking.get().getState() != Thread.State.WAITING) {
                assertThat(early).isNotDone();
                Thread.onSpinWait();
            }
            assertThat(early).isNotDone();
            assertThat(notYet.isRead()).isFalse();

            held.release();
            waited = early.join();
            assertThat(notYet.isRead()).isTrue();
            Retrieval after = restarted.search(question, Language.SV, "", Set.of(), 10);
            assertThat(waited.passages()).isNotEmpty().isEqualTo(after.passages());
            assertThat(waited.questionTerms()).isEqualTo(after.questionTerms());
        }
        // and the same as an index whose dictionaries were read before it opened
        try (KnowledgeIndex readFirst = index(data, read)) {
            Retrieval before = readFirst.search(question, Language.SV, "", Set.of(), 10);
            assertThat(waited.passages()).isEqualTo(before.passages());
            assertThat(waited.questionTerms()).isEqualTo(before.questionTerms());
        }
    }
}
