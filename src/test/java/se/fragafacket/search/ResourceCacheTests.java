package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The language resources' compact forms in the data folder: made once, read while their sources are
 * unchanged, made again when a source changes, and a damaged or truncated file is logged and made again,
 * never fatal. What is read back finds exactly what was made.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResourceCacheTests {

    private static final Instant EARLIER = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final Analysis ANALYSIS = new Analysis();

    @TempDir
    Path root;

    private Path thesaurusFile(String text, Instant modified) throws IOException {
        Path file = Files.createDirectories(root.resolve("mythes")).resolve("th_sv_SE_v2.dat");
        Files.writeString(file, "UTF-8\n" + text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static Thesaurus load(Path folder, ResourceCache cache) {
        return Thesaurus.load(folder, cache, Runnable::run);
    }

    @Test
    void madeOnceReadWhileTheSourceIsUnchangedAndMadeAgainWhenItChanges(CapturedOutput output) throws IOException {
        Path file = thesaurusFile("avgift|1\n(subst)|kostnad|pris\n", EARLIER);
        ResourceCache cache = ResourceCache.in(root.resolve("data/cache"));
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        Path cached = root.resolve("data/cache/thesaurus-th_sv_SE_v2.dat.bin");
        assertThat(cached).exists();
        assertThat(output).contains("thesaurus-th_sv_SE_v2.dat made from its sources");

        // the source is unchanged: the cached form is what is read (the file is not parsed: a changed cache shows)
        long made = Files.getLastModifiedTime(cached).toMillis();
        AtomicInteger makes = new AtomicInteger();
        String key = ResourceCache.stamp(file);
        List<String> value = cacheOf(cache, key, makes, List.of("a"));
        assertThat(value).containsExactly("a");
        assertThat(cacheOf(cache, key, makes, List.of("b"))).containsExactly("a");
        assertThat(makes).hasValue(1);
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        assertThat(Files.getLastModifiedTime(cached).toMillis()).isEqualTo(made);

        // the source changes (its size and time): the form is made again from it
        thesaurusFile("avgift|1\n(subst)|kostnad|pris|taxa\n", EARLIER.plusSeconds(60));
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris", "taxa");
        assertThat(cacheOf(cache, ResourceCache.stamp(file), makes, List.of("c"))).containsExactly("c");
        assertThat(makes).hasValue(2);
    }

    private static List<String> cacheOf(ResourceCache cache, String key, AtomicInteger makes, List<String> made) {
        try {
            return cache.get("strings", key, () -> {
                makes.incrementAndGet();
                return made;
            }, (list, out) -> {
                out.writeInt(list.size());
                for (String s : list) {
                    out.writeUTF(s);
                }
            }, in -> {
                int n = in.readInt();
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    out[i] = in.readUTF();
                }
                return List.of(out);
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTruncatedOrDamagedFileIsLoggedAndMadeAgain(CapturedOutput output) throws IOException {
        Path file = thesaurusFile("avgift|1\n(subst)|kostnad|pris\n", EARLIER);
        ResourceCache cache = ResourceCache.in(root.resolve("data/cache"));
        load(file.getParent(), cache);
        Path cached = root.resolve("data/cache/thesaurus-th_sv_SE_v2.dat.bin");
        byte[] whole = Files.readAllBytes(cached);

        Files.write(cached, java.util.Arrays.copyOf(whole, whole.length - 5));
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        assertThat(output).contains("cannot be read (java.io.EOFException: truncated");
        assertThat(Files.readAllBytes(cached)).isEqualTo(whole);

        byte[] damaged = whole.clone();
        damaged[damaged.length - 3] ^= 0x55;
        Files.write(cached, damaged);
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        assertThat(output).contains("cannot be read (java.io.IOException: checksum differs)");
        assertThat(Files.readAllBytes(cached)).isEqualTo(whole);

        Files.write(cached, new byte[] {1, 2});
        assertThat(load(file.getParent(), cache).synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        assertThat(Files.readAllBytes(cached)).isEqualTo(whole);
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheNextStartTheMaking(CapturedOutput output) throws IOException {
        Path file = thesaurusFile("avgift|1\n(subst)|kostnad|pris\n", EARLIER);
        Path notAFolder = Files.writeString(root.resolve("data"), "a file where the cache folder would be");
        Thesaurus thesaurus = load(file.getParent(), ResourceCache.in(notAFolder.resolve("cache")));
        assertThat(thesaurus.synonyms("avgift", Language.SV)).containsExactly("kostnad", "pris");
        assertThat(output).contains("could not be cached");
    }

    @Test
    void compiledSynonymsReadBackFindWhatTheyFoundWhenMade() throws Exception {
        ResourceCache cache = ResourceCache.in(root.resolve("cache"));
        String list = OrganisationSynonyms.shippedList();
        AtomicInteger makes = new AtomicInteger();
        ResourceCache.Maker<Synonyms> parse = () -> {
            makes.incrementAndGet();
            return Synonyms.parse(ANALYSIS, list);
        };
        Synonyms made = cache.get("synonyms", ResourceCache.digest(list), parse, Synonyms::write, in -> Synonyms.read(ANALYSIS, in));
        Synonyms read = cache.get("synonyms", ResourceCache.digest(list), parse, Synonyms::write, in -> Synonyms.read(ANALYSIS, in));
        assertThat(makes).hasValue(1);
        assertThat(read.size()).isEqualTo(made.size()).isPositive();
        for (String question : List.of("Hur många LO-distrikt finns det idag?", "Vad kostar medlemsavgiften?",
                "Vem är ombudsman i Västsverige?", "Hva er LOs lokalorganisasjoner?", "How do I join the union?")) {
            Language language = Language.detect(question);
            assertThat(read.matches(question, language)).isEqualTo(made.matches(question, language));
        }
        assertThat(made.matches("Hur många LO-distrikt finns det idag?", Language.SV)).isNotEmpty();
    }

    @Test
    void hunspellHeadwordsReadBackSplitCompoundsAsWhenMade() {
        Path hunspell = Path.of("/usr/share/hunspell");
        ResourceCache cache = ResourceCache.in(root.resolve("cache"));
        Lexicon made = Lexicon.load(hunspell, cache, Runnable::run);
        assertThat(root.resolve("cache/hunspell-headwords-sv_SE.bin")).exists();
        Lexicon read = Lexicon.load(hunspell, cache, Runnable::run);
        for (String word : List.of("förbundsmedlemmar", "medlemsavgiften", "arbetsmiljöombud", "skolinformation")) {
            assertThat(read.morphemes(word, Language.SV)).isEqualTo(made.morphemes(word, Language.SV));
        }
        assertThat(made.morphemes("förbundsmedlemmar", Language.SV)).contains("medlem");
    }
}
