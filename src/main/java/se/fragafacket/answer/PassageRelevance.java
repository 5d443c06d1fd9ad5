package se.fragafacket.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumMap;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;
import se.fragafacket.search.TermGroup;

/**
 * Whether the passages retrieved are about the question at all, judged on retrieval's own terms: the share of
 * the question's ideas, weighted by rarity as the search weighed them, that the passages to be sent hold
 * together. A misspelt word ("distirkt") counts as held where a passage holds a word one or two edits away, so
 * a member's typing does not keep the question from the model; the extractive answerer's own sentence-level
 * coverage plays no part.
 */
final class PassageRelevance {

    private PassageRelevance() {
    }

    /** 0–1: how much of the question the passages hold together; 1 when the question has no content words. */
    static double of(Analysis analysis, Retrieval retrieval, List<Passage> passages) {
        Map<Language, Set<String>> held = new EnumMap<>(Language.class);
        for (Passage passage : passages) {
            held.computeIfAbsent(passage.language(), l -> new HashSet<>()).addAll(analysis.terms(
                    passage.title() + "\n" + passage.headingPath() + "\n" + passage.text(), passage.language()));
        }
        double best = 0;
        boolean anyTerms = false;
        for (Map.Entry<Language, Set<String>> entry : held.entrySet()) {
            List<TermGroup> groups = retrieval.questionTerms(entry.getKey());
            double total = 0;
            double covered = 0;
            for (TermGroup group : groups) {
                total += group.weight();
                if (group.alternatives().stream().anyMatch(alternative -> holds(entry.getValue(), alternative))) {
                    covered += group.weight();
                }
            }
            if (total > 0) {
                anyTerms = true;
                best = Math.max(best, covered / total);
            }
        }
        return anyTerms ? best : passages.isEmpty() ? 0 : 1;
    }

    /** Every stem of a (phrase) alternative is held, exactly or within the edits a slip of typing makes. */
    private static boolean holds(Set<String> terms, String alternative) {
        for (String stem : alternative.split(" ")) {
            if (!terms.contains(stem) && terms.stream().noneMatch(term -> near(stem, term))) {
                return false;
            }
        }
        return true;
    }

    /** One edit (a letter added, dropped, changed or two swapped) for words of five letters, two from eight. */
    static boolean near(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 5 || a.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** Optimal string alignment distance, stopped once past the limit. */
    private static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
