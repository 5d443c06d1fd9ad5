package se.fragafacket.answer.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;

/**
 * What a question is, read once: its language, the kind of fact it asks for, the names it gives (a district,
 * a union, a person), the alternatives it offers ("ökat eller minskat?"), and whether it leans on an earlier
 * turn.
 *
 * @param words      its content words as written, lower-cased (names, numbers)
 * @param names      words it writes with a capital letter after its first word, folded ("skane", "lo")
 * @param choices    stems of the alternatives of an "A eller B?" question, else empty
 * @param pointsBack it refers back ("det", "hon", "där") without naming a subject of its own
 * @param followUp   it is taken as a follow-up of an earlier turn in this conversation
 */
public record QuestionAnalysis(String text, Language language, QuestionKind kind, List<String> words,
                               List<String> names, List<String> choices, boolean pointsBack, boolean followUp,
                               Set<String> previousDocuments, String previousAnswer) {

    /** Words by which a question points back at what was just talked about. */
    static final Set<String> BACK_REFERENCES = Set.of(
            "det", "den", "dem", "dess", "detta", "denna", "där", "dit", "dom", "han", "hon", "honom", "henne",
            "deras", "de", "dette", "denne", "der", "hun", "ham", "deres", "it", "that", "this", "they", "them",
            "there", "he", "she", "him", "her", "its", "their", "those", "these");

    private static final Pattern CHOICE = Pattern.compile("(\\p{L}+) (eller|or) (\\p{L}+)\\s*\\??\\s*$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CAPITALISED = Pattern.compile("(?<=[\\s(\"'«-])\\p{Lu}[\\p{L}-]*");

    /**
     * @param previous the earlier question when this is a follow-up, else empty: its names carry over
     *                 ("Vilket telefonnummer har hon?" still asks about LO i Trondheim) unless this one names its own
     */
    public static QuestionAnalysis of(String text, Language language, Analysis analysis, String previous,
                                      boolean followUp,
                                      Set<String> previousDocuments, String previousAnswer) {
        List<String> choices = new ArrayList<>();
        Matcher choice = CHOICE.matcher(text.strip());
        if (choice.find()) {
            choices.addAll(analysis.terms(choice.group(1), language));
            choices.addAll(analysis.terms(choice.group(3), language));
        }
        List<String> names = names(text, analysis);
        if (names.isEmpty() && followUp) {
            names = names(previous, analysis);
        }
        boolean pointsBack = false;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            pointsBack |= BACK_REFERENCES.contains(word);
        }
        int content = analysis.queryTerms(text, language).size();
        pointsBack = pointsBack && names(text, analysis).isEmpty() && content <= 1;
        QuestionKind kind = choices.isEmpty() ? QuestionKind.of(text) : QuestionKind.OTHER;
        return new QuestionAnalysis(text, language, kind, analysis.exactTerms(text), names, choices,
                pointsBack, followUp, previousDocuments, previousAnswer);
    }

    private static List<String> names(String text, Analysis analysis) {
        List<String> names = new ArrayList<>();
        Matcher name = CAPITALISED.matcher(text);
        while (name.find()) {
            for (String word : analysis.exactTerms(name.group())) {
                String folded = Text.fold(word);
                if (!names.contains(folded)) {
                    names.add(folded); // "LO-distriktet" → "lo", "distriktet"
                }
            }
        }
        return names;
    }

    /** A question that only makes sense after an earlier one ("Vem är ansvarig för det?") but has none. */
    public boolean orphanFollowUp(int contentWords) {
        return !followUp && (pointsBack || contentWords == 0 && names.isEmpty());
    }
}
