package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTests {

    private static final int COVERAGE = Features.NAMES.indexOf("coverage");
    private static final int RANK = Features.NAMES.indexOf("rank");

    private static double[] vector(double coverage, double rank) {
        double[] v = new double[Features.NAMES.size()];
        v[COVERAGE] = coverage;
        v[RANK] = rank;
        return v;
    }

    /** Questions whose right sentence is the one covering them; unanswerable ones where nothing covers them. */
    @Test
    void fittingLearnsWhatChoosesTheRightSentenceAndThatDecliningBeatsWeakOnes() {
        Random random = new Random(7);
        List<List<double[]>> groups = new ArrayList<>();
        List<List<Boolean>> right = new ArrayList<>();
        List<Boolean> decline = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            boolean answerable = q % 3 != 0;
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                boolean isRight = answerable && k == 3;
                x.add(vector(isRight ? 0.8 + 0.2 * random.nextDouble() : 0.4 * random.nextDouble(), random.nextDouble()));
                y.add(isRight);
            }
            groups.add(x);
            right.add(y);
            decline.add(!answerable);
        }
        Scorer scorer = Scorer.fit(groups, right, decline, 0.001, 1500);
        assertThat(scorer.weights()[COVERAGE]).isGreaterThan(Math.abs(scorer.weights()[RANK]));
        assertThat(scorer.probability(vector(0.95, 0.5))).isGreaterThan(0.5);
        assertThat(scorer.probability(vector(0.2, 0.5))).isLessThan(0.5);
    }

    @Test
    void weightsAndThresholdRoundTripThroughTheirFile(@TempDir Path dir) throws Exception {
        double[] weights = new double[Features.NAMES.size()];
        weights[COVERAGE] = 2.5;
        Scorer scorer = new Scorer(weights, -1.25, 0.62);
        Path file = dir.resolve("scorer.properties");
        scorer.write(file, List.of("a test"));
        String text = Files.readString(file);
        assertThat(text).contains("# a test", "threshold=0.620", "weight.coverage=2.5000", "bias=-1.2500");
        assertThat(scorer.probability(vector(0, 0))).isEqualTo(1 / (1 + Math.exp(1.25)));
    }

    @Test
    void theShippedScorerHasAWeightForEveryFeatureAndAThresholdBetweenZeroAndOne() {
        Scorer scorer = Scorer.load();
        assertThat(scorer.weights()).hasSize(Features.NAMES.size());
        assertThat(scorer.threshold()).isBetween(0.01, 0.99);
        assertThat(scorer.weights()[COVERAGE]).isPositive();
    }
}
