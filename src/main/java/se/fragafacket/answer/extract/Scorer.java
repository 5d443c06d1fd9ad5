package se.fragafacket.answer.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The one scorer: the probability that a candidate sentence answers the question, by logistic regression over
 * {@link Features#NAMES}. Its weights, bias and abstention threshold all live in one file,
 * {@code answer/scorer.properties}, written by the fitting command ({@code --fit}), never by hand.
 */
public record Scorer(double[] weights, double bias, double threshold) {

    public static final String RESOURCE = "answer/scorer.properties";

    public double probability(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public Scorer withThreshold(double threshold) {
        return new Scorer(weights, bias, threshold);
    }

    /** The fitted scorer on the class path; without one, every weight 0 (it then declines everything). */
    public static Scorer load() {
        try (InputStream in = Scorer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Scorer(new double[Features.NAMES.size()], -5, 0.5);
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            double[] weights = new double[Features.NAMES.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Double.parseDouble(properties.getProperty("weight." + Features.NAMES.get(i), "0"));
            }
            return new Scorer(weights, Double.parseDouble(properties.getProperty("bias", "0")),
                    Double.parseDouble(properties.getProperty("threshold", "0.5")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file, List<String> comments) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String comment : comments) {
                out.write("# " + comment + "\n");
            }
            out.write(String.format(Locale.ROOT, "bias=%.4f%nthreshold=%.3f%n", bias, threshold));
            for (int i = 0; i < weights.length; i++) {
                out.write(String.format(Locale.ROOT, "weight.%s=%.4f%n", Features.NAMES.get(i), weights[i]));
            }
        }
    }

    /**
     * Fits the weights on questions, each a group of candidates: a logistic model of "this sentence answers"
     * trained listwise, against a null candidate of score 0 that stands for declining. For an answerable
     * question the right sentences should outscore the others and declining; for an unanswerable one declining
     * should outscore every sentence. So a positive score means "better than declining", and one weight vector
     * both chooses the sentence and, through the threshold calibrated afterwards, decides whether to answer.
     *
     * @param groups  per question, its candidates' feature vectors
     * @param right   per question, which candidates would be right answers (none for an unanswerable one)
     * @param decline per question, true when it should be declined
     */
    public static Scorer fit(List<List<double[]>> groups, List<List<Boolean>> right, List<Boolean> decline,
                             double l2, int iterations) {
        int n = Features.NAMES.size();
        double[] w = new double[n];
        double b = 0;
        double rate = 0.5;
        int used = 0;
        for (int g = 0; g < groups.size(); g++) {
            used += decline.get(g) || right.get(g).contains(true) ? 1 : 0;
        }
        for (int it = 0; it < iterations; it++) {
            double[] gw = new double[n];
            double gb = 0;
            for (int g = 0; g < groups.size(); g++) {
                List<double[]> x = groups.get(g);
                List<Boolean> y = right.get(g);
                boolean declined = decline.get(g);
                if (!declined && !y.contains(true)) {
                    continue; // no sentence retrieved would answer it: nothing to learn about choosing
                }
                double[] z = new double[x.size()];
                double max = 0;
                for (int k = 0; k < z.length; k++) {
                    z[k] = b;
                    for (int i = 0; i < n; i++) {
                        z[k] += w[i] * x.get(k)[i];
                    }
                    max = Math.max(max, z[k]);
                }
                double all = Math.exp(-max); // the null candidate
                double positive = 0;
                for (int k = 0; k < z.length; k++) {
                    all += Math.exp(z[k] - max);
                    positive += y.get(k) ? Math.exp(z[k] - max) : 0;
                }
                for (int k = 0; k < z.length; k++) {
                    double e = Math.exp(z[k] - max);
                    double gradient = e / all - (y.get(k) ? e / positive : 0);
                    for (int i = 0; i < n; i++) {
                        gw[i] += gradient * x.get(k)[i];
                    }
                    gb += gradient;
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] -= rate * (gw[i] / used + l2 * w[i]);
            }
            b -= rate * gb / used;
        }
        return new Scorer(w, b, 0.5);
    }
}
