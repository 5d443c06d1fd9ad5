package se.fragafacket.answer.extract;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.TermGroup;

/**
 * The named features of a candidate sentence, each a small pure function. Their weights are not here: they
 * are fitted on the training questions ({@link Scorer}).
 */
public final class Features {

    /** The features in the order of a vector; the scorer's weights are named the same. */
    public static final List<String> NAMES = List.of(
            "coverage",         // share of the question's weighted ideas the sentence itself holds
            "section",          // … that the sentence, its heading path or its passage hold
            "heading",          // … that its own section heading holds
            "topicMissing",     // share of the question's ideas other than names that the passage lacks
            "topic",            // share of the question's ideas other than names that the sentence itself holds
            "scopeHeld",        // share of the names asked (district, union, person) that the document is about
            "scopeAbsent",      // a name asked that the document does not even mention
            "kindHeld",         // the sentence holds the kind of fact asked (a number, a date, a name, a phone)
            "kindLacking",      // a number/date/phone/e-mail is asked and the sentence holds none
            "kindBeside",       // share of the question's ideas other than names in the clause that holds the asked fact
            "countNoun",        // a number stands just before an asked word ("nio LO-distrikt")
            "choice",           // an "A eller B?" question: the sentence holds one of the alternatives
            "rank",             // 1 / (1 + retrieval rank of its passage)
            "literal",          // share of the question's words the sentence holds exactly as written
            "neighbours",       // share of the question's neighbouring ideas side by side in the sentence
            "long",             // how far the sentence runs past 12 words (0–1)
            "leadIn",           // it introduces a list and the question is not after a single fact
            "fragment",         // a short line without a sentence's end: a caption, a heading, debris
            "context",          // a follow-up: share of the earlier question's ideas its passage holds
            "previousDocument", // a follow-up: its document gave the earlier answer
            "olderCopy",        // a newer document with the same title was retrieved too
            "firstInPassage");  // it opens its passage

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;)»”\"]$");

    private Features() {
    }

    /** The feature vector of a candidate, in {@link #NAMES}' order. */
    public static double[] of(Candidate candidate, Setting setting, Analysis analysis) {
        Language language = candidate.passage().language();
        List<TermGroup> asked = setting.asked(language);
        QuestionAnalysis question = setting.question();
        QuestionKind kind = question.kind();
        Unit unit = candidate.unit();
        Stems heading = Stems.of(analysis.terms(candidate.ownHeading(), language));
        Stems path = Stems.of(analysis.terms(candidate.passage().headingPath(), language));
        Stems passage = Stems.union(path, Stems.union(candidate.units().stream().map(Unit::stems).toArray(Stems[]::new)));
        String documentId = candidate.passage().documentId();
        Stems documentText = setting.documentText().getOrDefault(documentId, Stems.EMPTY);
        Stems subject = setting.documentSubject().getOrDefault(documentId, Stems.EMPTY);
        boolean evidence = kind.heldBy(unit.text()) || kind == QuestionKind.LIST && (unit.listItem() || unit.leadIn());
        java.util.function.Predicate<String> named = question::namesKind;
        // a list question's sort ("mål", "yrken") is only half-held by an enumeration that does not name it:
        // "Distriktets övergripande mål är: …" still outranks "… består av Östergötland, Södermanland …"
        double sortCredit = kind == QuestionKind.LIST ? 0 : 1;
        // what is quoted is judged: a sentence speaking by pronoun is quoted after the one naming the person
        Stems own = Composer.namedBefore(candidate.units(), candidate.index())
                ? Stems.union(candidate.units().get(candidate.index() - 1).stems(), unit.stems()) : unit.stems();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("coverage", coverage(asked, own, named, evidence, sortCredit));
        f.put("section", coverage(asked, Stems.union(own, passage), named, evidence, sortCredit));
        f.put("heading", coverage(asked, heading, named, false));
        f.put("topicMissing", topicMissing(asked, passage, documentText, named,
                evidence || kind == QuestionKind.LIST && candidate.units().stream().anyMatch(Unit::listItem)));
        f.put("topic", coverage(asked.stream().filter(g -> !g.scope()).toList(), own, named, evidence, sortCredit));
        java.util.Set<String> none = java.util.Set.of();
        Set<String> documentNames = setting.documentNames().getOrDefault(documentId, none);
        f.put("scopeHeld", scopeHeld(setting.names(), name -> setting.holds(name, documentNames)));
        // names are compared as written: Swedish and Norwegian share them, English translates some ("Central
        // Sweden"), so across English only the names that can be compared are (see Setting#namesComparable)
        boolean translated = Language.translatedBetween(language, question.language());
        Set<String> documentWords = setting.documentWords().getOrDefault(documentId, none);
        f.put("scopeAbsent", scopeAbsent(translated ? setting.namesComparable() : setting.names(),
                name -> setting.holds(name, documentWords)));
        f.put("kindHeld", kind.hasEvidence() && evidence ? 1.0 : 0.0);
        f.put("kindLacking", kind.needsEvidence() && !evidence ? 1.0 : 0.0);
        f.put("kindBeside", kind.needsEvidence() && evidence ? kindBeside(asked, unit.text(), kind, language, analysis) : 0.0);
        f.put("countNoun", kind == QuestionKind.NUMBER && countNoun(asked, unit.sequence()) ? 1.0 : 0.0);
        f.put("choice", choice(question.choices(), unit.stems()));
        f.put("rank", 1.0 / (1 + candidate.rank()));
        f.put("literal", literal(question.words(), analysis.exactTerms(unit.text())));
        f.put("neighbours", neighbours(asked, unit.sequence()));
        f.put("long", Math.min(1, Math.max(0, unit.sequence().size() - 12) / 20.0));
        f.put("leadIn", unit.leadIn() && !kind.wantsFact() ? 1.0 : 0.0);
        f.put("fragment", fragment(unit) ? 1.0 : 0.0);
        f.put("context", question.followUp() ? coverage(setting.context(language), Stems.union(passage, subject), kind, false) : 0.0);
        f.put("previousDocument", question.previousDocuments().contains(documentId) ? 1.0 : 0.0);
        f.put("olderCopy", olderCopy(documentId, setting.documentTitle(), setting.documentDate()) ? 1.0 : 0.0);
        f.put("firstInPassage", candidate.index() == 0 ? 1.0 : 0.0);
        double[] vector = new double[NAMES.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = f.get(NAMES.get(i));
        }
        return vector;
    }

    /**
     * Weighted share of the question's ideas that some stems hold. A word naming the asked kind
     * ("telefonnummer") counts as held where a fact of that kind stands.
     */
    public static double coverage(List<TermGroup> asked, Stems stems, QuestionKind kind, boolean evidence) {
        return coverage(asked, stems, kind::namedBy, evidence);
    }

    /** The same, with the stems that name the asked sort of fact given ("yrken" of "Vilka yrken …?"). */
    public static double coverage(List<TermGroup> asked, Stems stems, java.util.function.Predicate<String> namesKind,
                                  boolean evidence) {
        return coverage(asked, stems, namesKind, evidence, 1);
    }

    /** The same, an idea naming the asked sort held only to {@code credit} (0–1) where a fact of that sort stands. */
    public static double coverage(List<TermGroup> asked, Stems stems, java.util.function.Predicate<String> namesKind,
                                  boolean evidence, double credit) {
        double total = 0;
        double held = 0;
        for (TermGroup group : asked) {
            total += group.weight();
            boolean named = evidence && group.alternatives().stream().anyMatch(namesKind);
            held += group.weight() * Math.max(named ? credit : 0, stems.match(group));
        }
        return total <= 0 ? 0 : held / total;
    }

    /** Weighted share of the ideas other than names that neither the passage nor its document's retrieved text holds. */
    public static double topicMissing(List<TermGroup> asked, Stems passage, Stems document) {
        return topicMissing(asked, passage, document, stem -> false, false);
    }

    /** The same, where an idea naming the asked sort of fact counts as held when the passage holds such a fact. */
    public static double topicMissing(List<TermGroup> asked, Stems passage, Stems document,
                                      java.util.function.Predicate<String> namesKind, boolean evidence) {
        double total = 0;
        double missing = 0;
        for (TermGroup group : asked) {
            if (group.scope()) {
                continue;
            }
            total += group.weight();
            if (evidence && group.alternatives().stream().anyMatch(namesKind)) {
                continue;
            }
            missing += group.weight() * (1 - Math.max(passage.match(group), 0.5 * document.match(group)));
        }
        return total <= 0 ? 0 : missing / total;
    }

    /** Weighted share of the question's ideas other than names (what is asked about them) that the sentence holds. */
    public static double topic(List<TermGroup> asked, Stems stems, QuestionKind kind, boolean evidence) {
        return coverage(asked.stream().filter(g -> !g.scope()).toList(), stems, kind, evidence);
    }

    private static final Pattern CLAUSE = Pattern.compile(",\\s|;|•|\\s(och|samt|men|og|eller|and|or|but)\\s",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d][\\p{L}\\d-]*", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The asked fact stands by what is asked about it: the best weighted share of the question's ideas other
     * than names held by one clause of the sentence that also holds a fact of the asked kind beyond the words of
     * those ideas ("Första maj 1 maj", not "Kollektivavtalets dag 17/3, Första maj och …", whose "maj" is only
     * the asked day's name).
     */
    public static double kindBeside(List<TermGroup> asked, String sentence, QuestionKind kind, Language language,
                                    Analysis analysis) {
        List<TermGroup> topic = asked.stream().filter(g -> !g.scope()).toList();
        double best = 0;
        for (String clause : CLAUSE.split(sentence)) {
            if (!kind.heldBy(clause)) {
                continue;
            }
            java.util.regex.Matcher word = WORD.matcher(clause);
            List<int[]> spans = new java.util.ArrayList<>();
            List<String> stems = new java.util.ArrayList<>();
            while (word.find()) {
                List<String> terms = analysis.terms(word.group(), language);
                spans.add(new int[] {word.start(), word.end()});
                stems.add(terms.isEmpty() ? "" : terms.get(0));
            }
            boolean[] ideaWord = new boolean[stems.size()];
            for (TermGroup group : topic) {
                for (String alternative : group.alternatives()) {
                    String[] parts = alternative.split(" ");
                    for (int i = 0; i + parts.length <= stems.size(); i++) {
                        boolean all = true;
                        for (int k = 0; k < parts.length && all; k++) {
                            all = Stems.matchStem(parts[k], Set.of(stems.get(i + k))) >= 0.7;
                        }
                        for (int k = 0; all && k < parts.length; k++) {
                            ideaWord[i + k] = true;
                        }
                    }
                }
            }
            java.util.regex.Matcher fact = kind.evidence(clause);
            boolean beyond = false;
            while (fact.find() && !beyond) {
                for (int i = 0; i < spans.size() && !beyond; i++) {
                    beyond = !ideaWord[i] && spans.get(i)[0] < fact.end() && spans.get(i)[1] > fact.start();
                }
            }
            if (beyond) {
                best = Math.max(best, coverage(topic, Stems.of(stems.stream().filter(t -> !t.isEmpty()).toList()),
                        kind, true));
            }
        }
        return best;
    }

    /** Share of the names asked that the document is about: its file name, title or speaker holds them. */
    public static double scopeHeld(List<String> names, java.util.function.Predicate<String> held) {
        return names.isEmpty() ? 0 : names.stream().filter(held).count() / (double) names.size();
    }

    /** 1 when a name asked is one the document does not mention at all ("Handels", "Bergen"). */
    public static double scopeAbsent(List<String> names, java.util.function.Predicate<String> mentioned) {
        return names.stream().anyMatch(mentioned.negate()) ? 1 : 0;
    }

    /**
     * A folded name among folded words: as written, inflected by a letter ("skånes"), or as the first part of a
     * compound ("skånedistriktet"); "bergen" is not "berg".
     */
    public static boolean nameIn(String name, Set<String> words) {
        if (words.contains(name)) {
            return true;
        }
        for (String word : words) {
            int shorter = Math.min(word.length(), name.length());
            if (shorter >= 4 && Math.abs(word.length() - name.length()) <= 1
                    && (word.startsWith(name) || name.startsWith(word))) {
                return true;
            }
            if (word.length() >= 5 && name.length() > word.length() + 3 && name.startsWith(word)
                    || name.length() >= 5 && word.length() > name.length() + 3 && word.startsWith(name)) {
                return true; // "skånedistriktet", "handelsanställdas"
            }
        }
        return false;
    }

    private static TermGroup folded(TermGroup group) {
        Set<String> alternatives = new HashSet<>();
        group.alternatives().forEach(a -> alternatives.add(Text.fold(a)));
        return new TermGroup(alternatives, group.weight(), group.scope());
    }

    private static final Set<String> NUMBER_WORDS = Set.of("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju",
            "åtta", "nio", "tio", "elva", "tolv", "tjugo", "trettio", "fyrtio", "femtio", "hundra", "tusen", "to",
            "fire", "seks", "syv", "åtte", "ni", "ti", "one", "two", "three", "four", "five", "seven", "eight",
            "nine", "ten");

    /** A number stands just before a word the question asks about: "nio LO-distrikt", "520 deltagare". */
    public static boolean countNoun(List<TermGroup> asked, List<String> sequence) {
        for (int i = 0; i + 1 < sequence.size(); i++) {
            String token = sequence.get(i);
            if (token.isEmpty() || !Character.isDigit(token.charAt(0)) && !NUMBER_WORDS.contains(token)) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(i + 3, sequence.size() - 1); j++) {
                for (TermGroup group : asked) {
                    if (group.scope()) {
                        continue;
                    }
                    for (String alternative : group.alternatives()) {
                        String head = alternative.substring(alternative.lastIndexOf(' ') + 1);
                        String word = sequence.get(j);
                        if (word.equals(head) || head.length() >= 4 && word.endsWith(head)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** 1 when the sentence holds one of an "A eller B?" question's alternatives. */
    public static double choice(List<String> choices, Stems stems) {
        return choices.stream().anyMatch(stems.set()::contains) ? 1 : 0;
    }

    /** Share of the question's words that the sentence holds exactly as written ("LO-distrikt", "2024"). */
    public static double literal(List<String> words, List<String> written) {
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> set = new HashSet<>(written);
        return words.stream().filter(set::contains).count() / (double) words.size();
    }

    /** Share of the question's neighbouring ideas that stand side by side in the sentence too. */
    public static double neighbours(List<TermGroup> question, List<String> sequence) {
        if (question.size() < 2) {
            return 0;
        }
        int found = 0;
        for (int k = 0; k + 1 < question.size(); k++) {
            for (int i = 0; i + 1 < sequence.size(); i++) {
                if (question.get(k).alternatives().contains(sequence.get(i))
                        && question.get(k + 1).alternatives().contains(sequence.get(i + 1))) {
                    found++;
                    break;
                }
            }
        }
        return (double) found / (question.size() - 1);
    }

    /** A short line that is no sentence and no list item: a caption, a heading, a menu entry. */
    public static boolean fragment(Unit unit) {
        return !unit.listItem() && !unit.leadIn() && !SENTENCE_END.matcher(unit.text()).find()
                && unit.text().split("\\s+").length < 10;
    }

    /** Another retrieved document has the same title and states a later date: this one is an older copy. */
    public static boolean olderCopy(String documentId, Map<String, String> titles, Map<String, LocalDate> dates) {
        LocalDate own = dates.get(documentId);
        String title = titles.get(documentId);
        if (own == null || title == null) {
            return false;
        }
        for (Map.Entry<String, String> other : titles.entrySet()) {
            LocalDate date = dates.get(other.getKey());
            if (!other.getKey().equals(documentId) && Text.fold(other.getValue()).equals(Text.fold(title))
                    && date != null && date.isAfter(own)) {
                return true;
            }
        }
        return false;
    }
}
