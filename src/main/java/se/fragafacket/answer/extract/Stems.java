package se.fragafacket.answer.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.fragafacket.search.TermGroup;

/**
 * Stems of a text, as a set and in order (for phrases), and how well they hold one idea of a question.
 */
public record Stems(Set<String> set, String joined, int size, Set<String> heads) {

    public static final Stems EMPTY = of(List.of());

    public static Stems of(List<String> sequence) {
        return new Stems(new HashSet<>(sequence), " " + String.join(" ", sequence) + " ", sequence.size(), Set.of());
    }

    /**
     * A text's stems in order, and its compounds' heads: an idea a head names is held as a compound's head is
     * ("möte" by "medlemsmöten", as "rekrytering" by "medlemsrekrytering"), not as the word itself ("LO-distrikt"
     * is not quite held by "partidistrikt").
     */
    public static Stems of(List<String> sequence, List<String> heads) {
        Stems words = of(sequence);
        return heads.isEmpty() ? words : new Stems(words.set(), words.joined(), words.size(), Set.copyOf(heads));
    }

    /** 1 for a word or phrase as asked, less for a compound or an inflection the stemmer left apart, 0 when absent. */
    public double match(TermGroup group) {
        double best = 0;
        for (String alternative : group.alternatives()) {
            if (alternative.indexOf(' ') > 0) {
                if (joined.contains(" " + alternative + " ")) {
                    return 1;
                }
                continue;
            }
            best = Math.max(best, matchStem(alternative, set));
            if (heads.contains(alternative)) {
                best = Math.max(best, HEAD);
            }
            if (best == 1) {
                return 1;
            }
        }
        return best;
    }

    /** How well a compound's head holds the idea it names: as a compound's written head does (below). */
    static final double HEAD = 0.8;

    static double matchStem(String wanted, Set<String> stems) {
        if (stems.contains(wanted)) {
            return 1;
        }
        double best = 0;
        for (String stem : stems) {
            int shorter = Math.min(stem.length(), wanted.length());
            int apart = Math.abs(stem.length() - wanted.length());
            if (shorter >= 5 && apart <= (shorter >= 7 ? 3 : 1) && (stem.startsWith(wanted) || wanted.startsWith(stem))) {
                best = Math.max(best, 0.9); // "studiekonfer" and "studiekonf"
            } else if (wanted.length() >= 5 && stem.length() > wanted.length() + 2 && stem.endsWith(wanted)) {
                best = Math.max(best, 0.8); // "rekrytering" in "medlemsrekrytering"
            } else if (wanted.length() >= 6 && stem.length() > wanted.length() + 2 && stem.indexOf(wanted) > 0
                    && stem.length() - stem.indexOf(wanted) - wanted.length() <= 3) {
                best = Math.max(best, 0.7); // a compound's inflected head
            } else if (stem.length() >= 5 && wanted.length() > stem.length() + 2 && wanted.endsWith(stem)) {
                best = Math.max(best, 0.5); // "medlemsrekrytering" asked, "rekrytering" written
            } else if (wanted.length() >= 5 && stem.length() > wanted.length() + 3 && stem.startsWith(wanted)) {
                best = Math.max(best, 0.5); // "video" asked, "videoprosjekter" written: what the compound is about
            }
        }
        return best;
    }

    public static Stems union(Stems... parts) {
        Set<String> set = new HashSet<>();
        Set<String> heads = new HashSet<>();
        StringBuilder joined = new StringBuilder(" ");
        int size = 0;
        for (Stems part : parts) {
            set.addAll(part.set());
            heads.addAll(part.heads());
            joined.append(part.joined().strip()).append(' ');
            size += part.size();
        }
        return new Stems(set, joined.toString(), size, heads);
    }
}
