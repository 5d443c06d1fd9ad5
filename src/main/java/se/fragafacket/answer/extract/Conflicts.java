package se.fragafacket.answer.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When documents disagree: another document is quoted beside the best answer only when it answers the same
 * question about the same subject and states another fact of the asked kind (a board term of one year in one
 * district, two in another). It must be about as likely as the best, about whom the question names when it
 * names someone (never less so than the best), no older copy of a page retrieved in a newer version, as much
 * about what is asked (its share of the asked ideas, a count beside the counted word where the best has one,
 * the fact beside what is asked about it where the best has that), and its facts of the asked kind must be
 * other than the best's. A sentence that only shares words with the question ("15 LO-fack" beside "nio
 * LO-distrikt") is not a disagreement.
 */
public final class Conflicts {

    private static final int TOPIC = Features.NAMES.indexOf("topic");
    private static final int SCOPE = Features.NAMES.indexOf("scopeHeld");
    private static final int OLDER = Features.NAMES.indexOf("olderCopy");
    private static final int COUNT = Features.NAMES.indexOf("countNoun");
    private static final int BESIDE = Features.NAMES.indexOf("kindBeside");
    private static final int KIND = Features.NAMES.indexOf("kindHeld");

    /** How close to the best's probability another answer must come to be heard beside it. */
    static final double CLOSE = 0.85;
    /** How much less of the asked ideas the other may hold and still answer the same question. */
    static final double SAME_TOPIC = 0.05;

    private Conflicts() {
    }

    /** The candidate of another document to quote beside the best, or null when there is none. */
    public static Decision.Scored differing(Decision decision, QuestionKind kind) {
        List<Decision.Scored> ranked = decision.ranked();
        if (ranked.size() < 2) {
            return null;
        }
        Decision.Scored best = ranked.get(0);
        for (Decision.Scored other : ranked.subList(1, ranked.size())) {
            if (other.probability() < Math.max(decision.threshold(), CLOSE * best.probability())) {
                return null;
            }
            if (disagrees(best, other, kind)) {
                return other;
            }
        }
        return null;
    }

    /** The other candidate answers the same question about the same subject, from another document, differently. */
    static boolean disagrees(Decision.Scored best, Decision.Scored other, QuestionKind kind) {
        double[] b = best.features();
        double[] o = other.features();
        if (other.candidate().passage().documentId().equals(best.candidate().passage().documentId())
                || o[OLDER] > 0 || o[SCOPE] < b[SCOPE]) {
            return false;
        }
        boolean sameQuestion = o[TOPIC] >= b[TOPIC] - SAME_TOPIC
                && (b[COUNT] == 0 || o[COUNT] > 0)
                && (b[BESIDE] == 0 || o[BESIDE] >= b[BESIDE] - SAME_TOPIC)
                && (b[KIND] == 0 || o[KIND] > 0);
        if (!sameQuestion) {
            return false;
        }
        Set<String> ours = facts(best.excerptText(), kind);
        Set<String> theirs = facts(other.excerptText(), kind);
        return !ours.isEmpty() && !theirs.isEmpty() && !ours.equals(theirs);
    }

    private static final Pattern NUMBER = Pattern.compile(
            "\\d[\\d  ]*(?:[.,]\\d+)?|\\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|to|fire|seks|syv|åtte|ni|ti|two|three|four|five|six|seven|eight|nine|ten)\\b"
            + "|\\b(ett|en|et|one) (år|års|year)\\b",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE);

    /**
     * The facts of the asked kind a text states, written alike ("0150-732 52" and "0150 73252" are one):
     * a number, date, phone number or address where one is asked, else the numbers it gives (a term, a count).
     */
    static Set<String> facts(String text, QuestionKind kind) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = kind.needsEvidence() ? kind.evidence(text) : NUMBER.matcher(text);
        while (m.find()) {
            String fact = m.group().toLowerCase(Locale.ROOT).replaceAll("[\\s  –-]+", "");
            if (!fact.isEmpty()) {
                out.add(fact);
            }
        }
        return out;
    }
}
