package se.fragafacket.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.ChunkRecord;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;
import se.fragafacket.search.TermGroup;

/**
 * Answers with no language model: finds the sentence of the retrieved passages that holds most of the
 * question (its rare words weigh most; a sentence holding the asked kind of fact — a number, a date, a
 * name — is preferred) and quotes it, with the list it introduces or the sentences that follow. A question
 * whose words no passage mostly holds is not answered.
 */
final class ExtractiveAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswerer.class);

    private final Analysis analysis;
    private final Prompts prompts;
    private final AnswerProperties properties;
    private final Map<String, List<Unit>> analysed = new java.util.concurrent.ConcurrentHashMap<>();

    ExtractiveAnswerer(Analysis analysis, Prompts prompts, AnswerProperties properties) {
        this.analysis = analysis;
        this.prompts = prompts;
        this.properties = properties;
    }

    /** Stems of a text, as a set and in order (for phrases). */
    private record Stems(Set<String> set, String joined) {
        static Stems of(List<String> sequence) {
            return new Stems(new HashSet<>(sequence), " " + String.join(" ", sequence) + " ");
        }
    }

    /** A sentence or list item of a passage. */
    private record Unit(String text, boolean listItem, boolean beforeList, List<String> sequence, Stems stems) {
        /** It introduces the list after it ("I perioden skal vi:", "LO har pekat ut tre målområden"). */
        boolean leadIn() {
            return text.endsWith(":") || beforeList;
        }
    }

    /** A passage judged against the question: how much of it it holds, and its best unit. */
    /** @param headed the best unit holds the question through its section's heading, not its own words */
    private record Candidate(Passage passage, List<Unit> units, double coverage, boolean fact, int best,
                             boolean headed, double score) {
    }

    /**
     * What every passage is judged against.
     *
     * @param previousAnswer the earlier answer when this is a follow-up ("hon" is who it named), else empty
     */
    private record Question(QuestionKind kind, List<String> words, Set<String> previousDocuments,
                            String previousAnswer, Map<String, Stems> documents, Map<String, Stems> subjects) {
    }

    @Override
    public Answer answer(String text, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        Question question = question(text, retrieval, history);
        log.debug("Question '{}' ({}, {}): {}", text, language, question.kind(), retrieval.questionTerms());
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < retrieval.passages().size(); rank++) {
            Candidate candidate = judge(retrieval.passages().get(rank), rank, retrieval, question);
            if (candidate == null) {
                continue;
            }
            log.debug("#{} {} › {} coverage {} score {}{}: {}", rank, candidate.passage().documentId(),
                    candidate.passage().headingPath(), String.format("%.2f", candidate.coverage()),
                    String.format("%.2f", candidate.score()), candidate.fact() ? " (fact)" : "",
                    candidate.units().get(candidate.best()).text());
            double needed = candidate.fact() ? properties.minFactCoverage() : properties.minCoverage();
            if (candidate.coverage() >= needed && (candidate.fact() || !question.kind().needsEvidence())) {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            String refusal = prompts.noAnswer(language);
            tokens.accept(refusal);
            return new Answer.NotFound(refusal, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        Candidate best = candidates.get(0);
        Map<Passage, List<Unit>> quoted = new LinkedHashMap<>();
        quoted.put(best.passage(), excerpt(best, question.kind()));
        if (!question.kind().wantsFact()) {
            // a second document that answers about as well adds its view
            for (Candidate other : candidates.subList(1, candidates.size())) {
                if (!other.passage().documentId().equals(best.passage().documentId())
                        && other.score() >= 0.9 * best.score()) {
                    quoted.put(other.passage(), List.of(other.units().get(other.best())));
                    break;
                }
            }
        }
        String answer = compose(quoted, language);
        stream(answer, tokens);
        return new Answer.Found(answer, quoted.keySet().stream().map(Sources::of).toList());
    }

    /**
     * How much of the question the best retrieved passage holds (0–1), judged as for an extractive answer: a
     * model is only asked when the passages are about the question at all.
     */
    double relevance(String text, Retrieval retrieval, List<Conversations.Turn> history) {
        Question question = question(text, retrieval, history);
        double best = 0;
        for (int rank = 0; rank < retrieval.passages().size(); rank++) {
            Candidate candidate = judge(retrieval.passages().get(rank), rank, retrieval, question);
            best = candidate == null ? best : Math.max(best, candidate.coverage());
        }
        return best;
    }

    private Question question(String text, Retrieval retrieval, List<Conversations.Turn> history) {
        boolean followUp = !history.isEmpty()
                && retrieval.contextTerms().values().stream().anyMatch(groups -> !groups.isEmpty());
        Conversations.Turn previous = followUp ? history.get(history.size() - 1) : null;
        return new Question(QuestionKind.of(text), analysis.exactTerms(text),
                followUp ? Set.copyOf(previous.documentIds()) : Set.of(), followUp ? previous.answer() : "",
                documentStems(retrieval), subjects(retrieval));
    }

    /** What the retrieved passages of each document hold together: the document's subject, roughly. */
    private Map<String, Stems> documentStems(Retrieval retrieval) {
        Map<String, List<String>> sequences = new HashMap<>();
        for (Passage passage : retrieval.passages()) {
            List<String> sequence = sequences.computeIfAbsent(passage.documentId(), id -> new ArrayList<>());
            sequence.addAll(analysis.terms(passage.title() + "\n" + passage.headingPath(), passage.language()));
            units(passage).forEach(unit -> sequence.addAll(unit.sequence()));
        }
        Map<String, Stems> out = new HashMap<>();
        sequences.forEach((id, sequence) -> out.put(id, Stems.of(sequence)));
        return out;
    }

    /**
     * What each document is about, by its name, title and headings ("lo-vestoppland-hva-vi-gjor"), folded to
     * plain letters: a name found there holds for the whole document, one merely mentioned in it does not.
     */
    private Map<String, Stems> subjects(Retrieval retrieval) {
        Map<String, List<String>> sequences = new HashMap<>();
        for (Passage passage : retrieval.passages()) {
            String text = passage.documentId().replace('-', ' ').replace('_', ' ') + "\n" + passage.title() + "\n"
                    + passage.headingPath();
            sequences.computeIfAbsent(passage.documentId(), id -> new ArrayList<>())
                    .addAll(analysis.terms(fold(text), passage.language()));
        }
        Map<String, Stems> out = new HashMap<>();
        sequences.forEach((id, sequence) -> out.put(id, Stems.of(sequence)));
        return out;
    }

    /** "Västsverige" → "vastsverige": file names are often written without the Nordic letters. */
    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae");
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static TermGroup folded(TermGroup group) {
        Set<String> alternatives = new HashSet<>();
        group.alternatives().forEach(a -> alternatives.add(fold(a)));
        return new TermGroup(alternatives, group.weight(), group.scope());
    }

    private Candidate judge(Passage passage, int rank, Retrieval retrieval, Question question) {
        Language language = passage.language();
        List<TermGroup> asked = retrieval.questionTerms(language);
        List<TermGroup> context = retrieval.contextTerms(language);
        if (asked.isEmpty()) {
            asked = context; // "Och vem då?": the earlier question is all there is to go on
            context = List.of();
        }
        double total = asked.stream().mapToDouble(TermGroup::weight).sum();
        List<Unit> units = units(passage);
        if (total <= 0 || units.isEmpty()) {
            return null;
        }
        String[] path = passage.headingPath().split(ChunkRecord.HEADING_SEPARATOR);
        Stems ownHeading = Stems.of(analysis.terms(path[path.length - 1], language));
        Stems headings = Stems.of(analysis.terms(passage.headingPath(), language));
        List<String> everything = new ArrayList<>(analysis.terms(passage.headingPath(), language));
        units.forEach(u -> everything.addAll(u.sequence()));
        Stems whole = Stems.of(everything);
        QuestionKind kind = question.kind();
        double contextTotal = context.stream().mapToDouble(TermGroup::weight).sum();

        Stems document = question.documents().get(passage.documentId());
        Stems subject = question.subjects().get(passage.documentId());
        Map<TermGroup, Double> inDocument = new HashMap<>();
        for (TermGroup group : asked) {
            double mentioned = match(group, document);
            // a name the document is about holds everywhere in it; anything else it merely mentions counts less
            inDocument.put(group, !group.scope() ? 0.3 * mentioned : match(folded(group), subject) > 0 ? 1 : 0.2 * mentioned);
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestDirect = false;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            boolean evidence = kind.heldBy(unit.text());
            double held = 0;
            double headed = 0;
            double direct = 0;
            for (TermGroup group : asked) {
                double inUnit = evidence && names(kind, group) ? 1 : match(group, unit.stems());
                double inOwnHeading = match(group, ownHeading);
                // the sentence stands in its section and its document: what they hold counts for less
                double around = Math.max(0.8 * inOwnHeading, 0.5 * Math.max(match(group, headings), match(group, whole)));
                held += group.weight() * Math.max(inUnit, Math.max(around, inDocument.get(group)));
                headed += group.weight() * inOwnHeading;
                direct += group.weight() * inUnit;
            }
            double fromContext = 0;
            for (TermGroup group : context) {
                fromContext += group.weight() * Math.max(Math.max(match(group, unit.stems()), match(group, headings)),
                        0.7 * match(group, whole));
            }
            double score = held / total
                    + 0.3 * headed / total // a section headed by what is asked is about it
                    + (contextTotal > 0 ? 0.6 * fromContext / contextTotal : 0)
                    + 0.2 * neighbours(asked, unit.sequence())
                    + 0.15 * literal(question.words(), unit.text())
                    + (evidence ? 0.3 : 0)
                    + (kind == QuestionKind.NUMBER && counts(asked, unit.sequence()) ? 0.3 : 0)
                    + (unit.leadIn() && !kind.wantsFact() ? 0.1 : 0)
                    // a fact is best quoted from a sentence about it, not from a long one that mentions it
                    - (kind.wantsFact() ? 0.1 * Math.min(1, Math.max(0, unit.sequence().size() - 12) / 20.0) : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
                bestDirect = headed > direct;
            }
        }
        boolean fact = kind.wantsFact() && kind.heldBy(units.get(best).text());
        double coverage = 0;
        double topic = 0;
        double topicTotal = 0;
        for (TermGroup group : asked) {
            double inPassage = fact && names(kind, group) ? 1 : match(group, whole);
            double held = Math.max(inPassage, group.scope() ? inDocument.get(group) : 0.5 * match(group, document));
            coverage += group.weight() * held;
            if (!group.scope()) {
                topic += group.weight() * held;
                topicTotal += group.weight();
            }
        }
        coverage /= total;
        boolean[] zero = {false};
        if (topicTotal > 0 && topic / topicTotal < properties.minTopicCoverage()) {
            coverage = 0; // the names are there, but not what is asked about them
        }
        if (kind == QuestionKind.DEFINITION) {
            // "Vad är lönen för en elektriker?" asks about the first thing it names: the passage must hold it
            // — in the very sentence quoted, or as the heading of its section
            Unit quoted = units.get(best);
            asked.stream().filter(g -> !g.scope()).findFirst()
                    .filter(focus -> Math.max(match(focus, quoted.stems()), match(focus, ownHeading)) < 0.8)
                    .ifPresent(focus -> zero[0] = true);
        }
        for (TermGroup group : asked) {
            if (group.scope() && match(group, document) == 0) {
                coverage = 0; // the question names what this document never mentions ("Handels", "Norrland")
            }
        }
        if (zero[0]) {
            coverage = 0;
        }
        // a follow-up keeps the earlier question's names: "det" is still LO-distriktet i Västsverige
        double namesTotal = 0;
        double namesMissing = 0;
        boolean ownNames = asked.stream().anyMatch(TermGroup::scope); // "Och i Västsverige?" names anew
        for (TermGroup group : ownNames ? List.<TermGroup>of() : context) {
            if (group.scope()) {
                namesTotal += group.weight();
                namesMissing += group.weight() * (1 - match(group, document));
            }
        }
        // the very passage the earlier answer quoted is the likeliest subject of "det", "hon"
        boolean quotedBefore = !question.previousAnswer().isEmpty() && units.stream()
                .anyMatch(u -> u.text().length() >= 15 && question.previousAnswer().contains(u.text()));
        double score = bestScore + 0.3 * coverage + 0.1 / (1 + rank)
                + (question.previousDocuments().contains(passage.documentId()) ? 0.2 : 0)
                + (quotedBefore ? 0.25 : 0)
                - (namesTotal > 0 ? 0.5 * namesMissing / namesTotal : 0);
        return new Candidate(passage, units, coverage, fact, best, bestDirect, score);
    }

    private static final Set<String> NUMBER_WORDS = Set.of("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju",
            "åtta", "nio", "tio", "elva", "tolv", "tjugo", "trettio", "fyrtio", "femtio", "hundra", "tusen", "to",
            "fire", "seks", "syv", "åtte", "ni", "ti", "one", "two", "three", "four", "five", "seven", "eight",
            "nine", "ten");

    /** A number standing just before a word the question asks about: "nio LO-distrikt", "520 deltagare". */
    private static boolean counts(List<TermGroup> asked, List<String> sequence) {
        for (int i = 0; i + 1 < sequence.size(); i++) {
            String token = sequence.get(i);
            if (!Character.isDigit(token.charAt(0)) && !NUMBER_WORDS.contains(token)) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(i + 3, sequence.size() - 1); j++) {
                for (TermGroup group : asked) {
                    if (group.scope()) {
                        continue; // "15 LO-fack" does not count LO
                    }
                    for (String alternative : group.alternatives()) {
                        String head = alternative.substring(alternative.lastIndexOf(' ') + 1);
                        String word = sequence.get(j);
                        if (word.equals(head) || head.length() >= 4 && word.endsWith(head)) { // "260 000 förbundsmedlemmar"
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean names(QuestionKind kind, TermGroup group) {
        return group.alternatives().stream().anyMatch(kind::namedBy);
    }

    /** How well some stems hold an idea: 1 for a word or phrase as asked, less for a compound or inflection. */
    private static double match(TermGroup group, Stems stems) {
        double best = 0;
        for (String alternative : group.alternatives()) {
            if (alternative.indexOf(' ') > 0) {
                if (stems.joined().contains(" " + alternative + " ")) {
                    return 1;
                }
                continue;
            }
            best = Math.max(best, matchStem(alternative, stems.set()));
            if (best == 1) {
                return 1;
            }
        }
        return best;
    }

    private static double matchStem(String wanted, Set<String> stems) {
        if (stems.contains(wanted)) {
            return 1;
        }
        double best = 0;
        for (String stem : stems) {
            int shorter = Math.min(stem.length(), wanted.length());
            int apart = Math.abs(stem.length() - wanted.length());
            if (shorter >= 5 && apart <= (shorter >= 7 ? 3 : 1) && (stem.startsWith(wanted) || wanted.startsWith(stem))) {
                // an inflection the stemmer left apart: "studiekonferensen" and "Studiekonferens" come out as
                // "studiekonfer" and "studiekonf"; short stems stay strict ("kommun" is not "kommunal")
                best = Math.max(best, 0.9);
            } else if (wanted.length() >= 5 && stem.length() > wanted.length() + 2 && stem.endsWith(wanted)) {
                best = Math.max(best, 0.8); // "rekrytering" in "medlemsrekrytering"
            } else if (wanted.length() >= 6 && stem.length() > wanted.length() + 2 && stem.indexOf(wanted) > 0
                    && stem.length() - stem.indexOf(wanted) - wanted.length() <= 3) {
                best = Math.max(best, 0.7); // "förhandl" in "löneförhandling": a compound's inflected head
            } else if (stem.length() >= 5 && wanted.length() > stem.length() + 2 && wanted.endsWith(stem)) {
                best = Math.max(best, 0.5); // "medlemsrekrytering" asked, "rekrytering" written
            }
        }
        return best;
    }

    /** Share of the question's neighbouring ideas that stand side by side in the sentence too. */
    private static double neighbours(List<TermGroup> question, List<String> sequence) {
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

    /** Share of the question's words that the sentence holds exactly as written ("LO-distrikt", "2024"). */
    private double literal(List<String> words, String text) {
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> written = new HashSet<>(analysis.exactTerms(text));
        return words.stream().filter(written::contains).count() / (double) words.size();
    }

    /** The units to quote: the best one, with the list it (or a following lead-in) introduces, or its neighbours. */
    private List<Unit> excerpt(Candidate candidate, QuestionKind kind) {
        List<Unit> units = candidate.units();
        // a section headed by what is asked is quoted from its start: its first lines say what it holds
        int start = !kind.wantsFact() && candidate.headed() ? 0 : candidate.best();
        Unit first = units.get(start);
        List<Unit> out = new ArrayList<>(List.of(first));
        int length = first.text().length();
        boolean inList = first.leadIn();
        int sentences = 1;
        for (int i = start + 1; i < units.size(); i++) {
            Unit next = units.get(i);
            boolean take = inList ? next.listItem() : !kind.wantsFact() && !next.listItem() && sentences < 3;
            if (!take || length + next.text().length() > properties.maxAnswerChars()) {
                break;
            }
            out.add(next);
            length += next.text().length();
            sentences += next.listItem() ? 0 : 1;
            inList = inList || next.leadIn();
        }
        return out;
    }

    private String compose(Map<Passage, List<Unit>> quoted, Language language) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Passage, List<Unit>> entry : quoted.entrySet()) {
            Passage passage = entry.getKey();
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (passage.language() != language) {
                String original = passage.language() == Language.SV ? "Swedish" : "Norwegian";
                text.append(switch (language) {
                    case EN -> "From “" + passage.title() + "” (in " + original + "):\n";
                    case NO -> "Fra «" + passage.title() + "» (på svensk):\n";
                    case SV -> "Ur ”" + passage.title() + "” (på norska):\n";
                });
            }
            List<Unit> units = entry.getValue();
            Unit first = units.get(0);
            if (first.listItem() || first.text().length() < 40) {
                // a lone bullet or a short line says what it is about through its heading
                String[] path = passage.headingPath().split(ChunkRecord.HEADING_SEPARATOR);
                text.append(path[path.length - 1]).append(": ");
            }
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                if (i > 0) {
                    text.append(unit.listItem() ? "\n• " : " ");
                }
                text.append(unit.text());
            }
        }
        return text.toString();
    }

    /** The extractive answer exists at once; it is still handed over in a few pieces, as a model's would be. */
    private static void stream(String text, Consumer<String> tokens) {
        int pieces = Math.max(1, Math.min(6, text.length() / 40));
        int size = (text.length() + pieces - 1) / pieces;
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            int space = text.indexOf(' ', end);
            end = space < 0 || space - end > 20 ? end : space + 1;
            tokens.accept(text.substring(start, end));
            start = end;
        }
    }

    /** Passages are read again by many questions; their analysis is kept (bounded) while their text is the same. */
    private List<Unit> units(Passage passage) {
        String key = passage.documentId() + '#' + passage.ordinal() + '#' + passage.text().hashCode();
        List<Unit> units = analysed.get(key);
        if (units == null) {
            if (analysed.size() > 10_000) {
                analysed.clear();
            }
            units = analyse(passage);
            analysed.put(key, units);
        }
        return units;
    }

    private List<Unit> analyse(Passage passage) {
        List<Unit> units = new ArrayList<>();
        String[] lines = passage.text().split("\n");
        for (int l = 0; l < lines.length; l++) {
            String text = lines[l].strip();
            if (text.startsWith("• ")) {
                units.add(unit(text.substring(2), true, false, passage.language()));
                continue;
            }
            boolean listFollows = l + 1 < lines.length && lines[l + 1].strip().startsWith("• ");
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.of(passage.language().code()));
            sentences.setText(text);
            for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                 start = end, end = sentences.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    units.add(unit(sentence, false, listFollows && end == text.length(), passage.language()));
                }
            }
        }
        return units;
    }

    private Unit unit(String text, boolean listItem, boolean beforeList, Language language) {
        List<String> sequence = analysis.terms(text, language);
        return new Unit(text, listItem, beforeList, sequence, Stems.of(sequence));
    }
}
