package se.fragafacket.answer.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the answerer decided for a question and why: the candidates best first, each with its features and
 * probability, and the reason ("svarat: …", "avböjt: …").
 */
public record Decision(boolean answered, String reason, double threshold, List<Scored> ranked) {

    /** A candidate judged: its features, its probability of answering, and what would be quoted. */
    public record Scored(Candidate candidate, double[] features, double probability, List<Unit> excerpt) {

        public Map<String, Double> named() {
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < features.length; i++) {
                out.put(Features.NAMES.get(i), Math.round(features[i] * 1000) / 1000.0);
            }
            return out;
        }

        public String excerptText() {
            StringBuilder text = new StringBuilder();
            excerpt.forEach(u -> text.append(u.text()).append('\n'));
            return text.toString();
        }
    }
}
