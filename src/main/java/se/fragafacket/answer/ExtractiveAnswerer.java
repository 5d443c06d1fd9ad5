package se.fragafacket.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
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
 * Answers with no language model: finds the sentences of the retrieved passages that hold most of the
 * question (its rare words weigh most, a sentence holding the asked kind of fact — a number, a date, a
 * name — is preferred), and quotes them. A question whose words no passage mostly holds is not answered.
 */
final class ExtractiveAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswerer.class);

    private final Analysis analysis;
    private final Prompts prompts;
    private final AnswerProperties properties;

    ExtractiveAnswerer(Analysis analysis, Prompts prompts, AnswerProperties properties) {
        this.analysis = analysis;
        this.prompts = prompts;
        this.properties = properties;
    }

    /** A sentence or list item of a passage, with the stems it holds. */
    private record Unit(String text, boolean listItem, int line, Set<String> stems) {
        boolean leadIn() {
            return text.endsWith(":");
        }
    }

    /** A passage judged against the question. */
    private record Candidate(Passage passage, int rank, List<Unit> units, double coverage, int best, double score) {
    }

    @Override
    public Answer answer(String question, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        QuestionKind kind = QuestionKind.of(question);
        log.debug("Question '{}' ({}, {}): {}", question, language, kind, retrieval.questionTerms());
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < retrieval.passages().size(); rank++) {
            Candidate candidate = judge(retrieval.passages().get(rank), rank, retrieval, kind);
            if (log.isDebugEnabled() && candidate != null) {
                log.debug("#{} {} › {} coverage {} score {} best: {}", rank, candidate.passage().documentId(),
                        candidate.passage().headingPath(), String.format("%.2f", candidate.coverage()),
                        String.format("%.2f", candidate.score()), candidate.units().get(candidate.best()).text());
            }
            if (candidate != null && candidate.coverage() >= properties.minCoverage()) {
                candidates.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            return notFound(language, tokens);
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        Candidate best = candidates.get(0);
        Map<Passage, List<Unit>> quoted = new LinkedHashMap<>();
        quoted.put(best.passage(), excerpt(best, kind));
        if (!kind.wantsFact()) {
            // a second document that answers about as well adds its view, within the length limit
            for (Candidate other : candidates.subList(1, candidates.size())) {
                if (!other.passage().documentId().equals(best.passage().documentId())
                        && other.score() >= 0.9 * best.score()) {
                    quoted.put(other.passage(), List.of(other.units().get(other.best())));
                    break;
                }
            }
        }
        String text = compose(quoted, language);
        stream(text, tokens);
        List<Source> sources = quoted.entrySet().stream()
                .map(e -> Sources.of(e.getKey()))
                .toList();
        return new Answer.Found(text, sources);
    }

    private Answer notFound(Language language, Consumer<String> tokens) {
        String text = prompts.noAnswer(language);
        tokens.accept(text);
        return new Answer.NotFound(text, Answer.Reason.NOT_IN_KNOWLEDGE_BASE);
    }

    private Candidate judge(Passage passage, int rank, Retrieval retrieval, QuestionKind kind) {
        Language language = passage.language();
        List<TermGroup> question = retrieval.questionTerms(language);
        List<TermGroup> context = retrieval.contextTerms(language);
        if (question.isEmpty()) {
            question = context; // "Och vem då?": the earlier question is all there is to go on
            context = List.of();
        }
        double total = question.stream().mapToDouble(TermGroup::weight).sum();
        if (total <= 0) {
            return null;
        }
        List<Unit> units = units(passage);
        Set<String> heading = new HashSet<>(analysis.terms(passage.headingPath(), language));
        Set<String> all = new HashSet<>(heading);
        units.forEach(u -> all.addAll(u.stems()));
        double coverage = matched(question, all) / total;
        double contextTotal = context.stream().mapToDouble(TermGroup::weight).sum();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            Set<String> withHeading = new HashSet<>(unit.stems());
            withHeading.addAll(heading);
            double direct = matched(question, unit.stems()) / total;
            double viaHeading = matched(question, withHeading) / total - direct;
            double fromContext = contextTotal > 0 ? matched(context, withHeading) / contextTotal : 0;
            double score = direct + 0.4 * viaHeading + 0.25 * fromContext
                    + (kind.heldBy(unit.text()) ? 0.3 : 0)
                    + (unit.leadIn() && !kind.wantsFact() ? 0.1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        return new Candidate(passage, rank, units, coverage, best, bestScore + 0.3 * coverage + 0.1 / (1 + rank));
    }

    /** How much of the question's weight a set of stems holds: a word, or a compound ending in it, counts. */
    private static double matched(List<TermGroup> groups, Set<String> stems) {
        double sum = 0;
        for (TermGroup group : groups) {
            sum += group.weight() * match(group, stems);
        }
        return sum;
    }

    private static double match(TermGroup group, Set<String> stems) {
        double best = 0;
        for (String alternative : group.alternatives()) {
            if (stems.contains(alternative)) {
                return 1;
            }
            for (String stem : stems) {
                if (alternative.length() >= 4 && stem.length() > alternative.length() + 2 && stem.endsWith(alternative)) {
                    best = Math.max(best, 0.8); // "rekrytering" in "medlemsrekrytering"
                } else if (stem.length() >= 5 && alternative.length() > stem.length() + 2 && alternative.endsWith(stem)) {
                    best = Math.max(best, 0.5); // "medlemsrekrytering" asked, "rekrytering" written
                }
            }
        }
        return best;
    }

    /** The units to quote from the best passage: the best one, with the list it introduces or its neighbours. */
    private List<Unit> excerpt(Candidate candidate, QuestionKind kind) {
        List<Unit> units = candidate.units();
        int best = candidate.best();
        Unit first = units.get(best);
        List<Unit> out = new ArrayList<>(List.of(first));
        int length = first.text().length();
        boolean list = first.leadIn();
        for (int i = best + 1; i < units.size(); i++) {
            Unit next = units.get(i);
            boolean continuesList = list && next.listItem();
            boolean continuesGist = !kind.wantsFact() && !list && out.size() < 3;
            if (!(continuesList || continuesGist) || length + next.text().length() > properties.maxAnswerChars()) {
                break;
            }
            out.add(next);
            length += next.text().length();
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
                text.append(switch (language) {
                    case EN -> "From “" + passage.title() + "”" + (passage.language() == Language.SV ? " (in Swedish)" : " (in Norwegian)") + ":\n";
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
                text.append(i == 0 ? "" : unit.listItem() ? "\n" : " ")
                        .append(unit.listItem() ? (i == 0 ? "" : "• ") + unit.text() : unit.text());
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
            end = space < 0 || space - end > 20 ? Math.min(text.length(), end) : space + 1;
            tokens.accept(text.substring(start, end));
            start = end;
        }
    }

    private List<Unit> units(Passage passage) {
        List<Unit> units = new ArrayList<>();
        String[] lines = passage.text().split("\n");
        for (int line = 0; line < lines.length; line++) {
            String text = lines[line].strip();
            boolean item = text.startsWith("• ");
            if (item) {
                units.add(unit(text.substring(2), true, line, passage.language()));
                continue;
            }
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.of(passage.language().code()));
            sentences.setText(text);
            for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                 start = end, end = sentences.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    units.add(unit(sentence, false, line, passage.language()));
                }
            }
        }
        return units;
    }

    private Unit unit(String text, boolean listItem, int line, Language language) {
        return new Unit(text, listItem, line, new HashSet<>(analysis.terms(text, language)));
    }
}
