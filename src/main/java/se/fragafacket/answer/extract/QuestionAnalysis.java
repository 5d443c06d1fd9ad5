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
 * @param previous   the earlier question when this is a follow-up, else empty (search reads it as context)
 * @param sort       stems of the word naming the sort of thing a list question asks for ("yrken"), else empty
 */
public record QuestionAnalysis(String text, Language language, QuestionKind kind, List<String> words,
                               List<String> names, List<String> choices, boolean pointsBack, boolean followUp,
                               String previous, Set<String> previousDocuments, String previousAnswer, List<String> sort) {

    /** Words by which a question points back at what was just talked about. */
    static final Set<String> BACK_REFERENCES = Set.of(
            "det", "den", "dem", "dess", "detta", "denna", "där", "dit", "dom", "han", "hon", "honom", "henne",
            "deras", "de", "dette", "denne", "der", "hun", "ham", "deres", "it", "that", "this", "they", "them",
            "there", "he", "she", "him", "her", "its", "their", "those", "these", "samma", "då", "också", "også",
            "also");

    /** A word written with a capital inside the message: a name of its own ("LO", "Västsverige"). */
    private static final Pattern NAME = Pattern.compile("[\\s(\"'«-]\\p{Lu}");

    /**
     * A question read once in its conversation, for search and answering alike.
     *
     * @param previousQuestion  the conversation's last question, or empty when there is none
     * @param previousDocuments the documents its answer came from
     * @param previousAnswer    its answer
     */
    public static QuestionAnalysis read(String text, Language language, Analysis analysis, String previousQuestion,
                                        Set<String> previousDocuments, String previousAnswer) {
        boolean followUp = followsUp(text, language, analysis, !previousQuestion.isBlank());
        return of(text, language, analysis, followUp ? previousQuestion : "", followUp,
                followUp ? previousDocuments : Set.of(), followUp ? previousAnswer : "");
    }

    /**
     * A message that leans on the one before: it says next to nothing on its own ("Och i Västsverige?"), or it
     * points back ("Vem är ansvarig för det?", "Vilket telefonnummer har hon?") without naming a subject of
     * its own — "Hur många LO-distrikt finns det idag?" is a new question, however much "det" it holds.
     */
    public static boolean followsUp(String text, Language language, Analysis analysis, boolean earlierTurn) {
        if (!earlierTurn) {
            return false;
        }
        int words = analysis.queryTerms(text, language).size();
        if (words <= 1) {
            return true;
        }
        return pointsBack(text) && words <= 3 && !NAME.matcher(text).find();
    }

    /**
     * A pronoun that stands in for nothing: existential "finns det", "is there", and the cleft "Vad är det (som) jag
     * ska göra …" — where a clause follows; a bare "Vad är det?" still points back.
     */
    private static final Pattern EXPLETIVE = Pattern.compile(
            "\\b(?:finns|fins|finnes|fanns|fantes)\\s+det\\b|\\bdet\\s+(?:finns|fins|finnes|fanns|fantes)\\b"
                    + "|\\b(?:is|are|was|were)\\s+there\\b|\\bthere\\s+(?:is|are|was|were)\\b"
                    + "|^(?:vad|vem|hur|när|var|varför|vilka|vilket|vilken|hva|hvem|hvor|hvordan|når|hvorfor|hvilke|hvilken)"
                    + "\\s+(?:är|var|blir|er|ble)\\s+det\\b(?=(?:\\s+[\\p{L}\\d-]+){2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    static boolean pointsBack(String text) {
        String own = EXPLETIVE.matcher(text.strip()).replaceAll(" ");
        for (String word : own.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (BACK_REFERENCES.contains(word)) {
                return true;
            }
        }
        return false;
    }

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
        boolean pointsBack = pointsBack(text);
        int content = analysis.queryTerms(text, language).size();
        pointsBack = pointsBack && names(text, analysis).isEmpty() && content <= 1;
        QuestionKind kind = choices.isEmpty() ? QuestionKind.of(text) : QuestionKind.OTHER;
        List<String> sort = kind == QuestionKind.LIST
                ? analysis.terms(QuestionKind.sortAsked(text), language) : List.of();
        return new QuestionAnalysis(text, language, kind, analysis.exactTerms(text), names, choices,
                pointsBack, followUp, followUp ? previous : "", previousDocuments, previousAnswer, sort);
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

    /** A stem of the question that names the sort of fact it asks for, held wherever a fact of that sort stands. */
    public boolean namesKind(String stem) {
        return kind.namedBy(stem) || sort.contains(stem);
    }

    /** A question that only makes sense after an earlier one ("Vem är ansvarig för det?") but has none. */
    public boolean orphanFollowUp(Analysis analysis) {
        return orphanFollowUp(analysis.queryTerms(text, language).size());
    }

    /** The same, given how many content words the question has. */
    public boolean orphanFollowUp(int contentWords) {
        return !followUp && (pointsBack || contentWords == 0 && names.isEmpty());
    }
}
