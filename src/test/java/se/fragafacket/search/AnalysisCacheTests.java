package se.fragafacket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The word and stem caches are bounded, and what they give is what analysing the word afresh gives. */
class AnalysisCacheTests {

    @Test
    void aBoundedCacheHoldsAtMostTwoGenerationsAndComputesAnEvictedKeyAgain() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<Integer, String> cache = new BoundedCache<>(3, key -> {
            computed.incrementAndGet();
            return "v" + key;
        });

        for (int key = 0; key < 100; key++) {
            assertThat(cache.get(key)).isEqualTo("v" + key);
            assertThat(cache.size()).isLessThanOrEqualTo(6);
        }
        assertThat(computed).hasValue(100);

        assertThat(cache.get(99)).isEqualTo("v99"); // still held: not computed again
        assertThat(computed).hasValue(100);
        assertThat(cache.get(0)).isEqualTo("v0"); // long evicted: computed again, same value
        assertThat(computed).hasValue(101);
    }

    @Test
    void aKeyAskedForAgainSurvivesTheTurnOfAGeneration() {
        AtomicInteger computed = new AtomicInteger();
        BoundedCache<String, String> cache = new BoundedCache<>(2, key -> {
            computed.incrementAndGet();
            return key.toUpperCase();
        });
        cache.get("facket");
        for (int i = 0; i < 20; i++) {
            cache.get("once" + i);
            cache.get("facket"); // recurs: carried into the young generation each time it is asked for
        }

        assertThat(computed).hasValue(21);
    }

    @Test
    void passagesAreIndexedWithTheSameTermsWhateverTheCachesHoldAndTheCachesStayBounded() throws IOException {
        Lexicon lexicon = Indexes.LEXICON;
        Analysis roomy = new Analysis();
        Analysis tiny = new Analysis(4);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("knowledge"))) {
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).isNotEmpty();
        // twice: the second time the roomy caches answer from memory, the tiny ones have evicted almost everything
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                for (Language language : Language.values()) {
                    Analysis.IndexedPassage expected = roomy.indexPassage("LOs plan › Facklig utbildning", text, language, lexicon);
                    Analysis.IndexedPassage actual = tiny.indexPassage("LOs plan › Facklig utbildning", text, language, lexicon);

                    for (int field = 0; field < 5; field++) {
                        Analysis.Tokens want = tokens(expected, field);
                        Analysis.Tokens got = tokens(actual, field);
                        assertThat(got.terms()).isEqualTo(want.terms());
                        assertThat(got.increments()).isEqualTo(want.increments());
                    }
                    assertThat(tiny.cachedWords()).isLessThanOrEqualTo(3 * 2 * 4);
                    assertThat(tiny.cachedStems()).isLessThanOrEqualTo(3 * 2 * 4);
                }
            }
        }
        // and the terms are those the language's analyzers give the text on their own
        Analysis.IndexedPassage passage = tiny.indexPassage("Rubrik", texts.get(0), Language.SV, lexicon);
        assertThat(passage.body().list()).isEqualTo(roomy.terms(texts.get(0), Language.SV));
        assertThat(roomy.cachedWords()).isGreaterThan(tiny.cachedWords());
    }

    private static Analysis.Tokens tokens(Analysis.IndexedPassage passage, int field) {
        return switch (field) {
            case 0 -> passage.body();
            case 1 -> passage.heading();
            case 2 -> passage.lemmas();
            case 3 -> passage.exact();
            default -> passage.folded();
        };
    }
}
