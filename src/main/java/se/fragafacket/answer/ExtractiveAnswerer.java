package se.fragafacket.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.fragafacket.answer.extract.Candidate;
import se.fragafacket.answer.extract.Composer;
import se.fragafacket.answer.extract.Conflicts;
import se.fragafacket.answer.extract.Decision;
import se.fragafacket.answer.extract.Features;
import se.fragafacket.answer.extract.QuestionAnalysis;
import se.fragafacket.answer.extract.Scorer;
import se.fragafacket.answer.extract.Setting;
import se.fragafacket.answer.extract.Unit;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;

/**
 * Answers with no language model, in stages: the question analysed once → every sentence and list item of
 * the retrieved passages as a candidate → named features per candidate ({@link Features}) → one fitted
 * scorer ({@link Scorer}) → abstention below its calibrated threshold → composition ({@link Composer}).
 */
final class ExtractiveAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswerer.class);
    private static final int FEATURE_ABSENT = Features.NAMES.indexOf("scopeAbsent");

    private final Analysis analysis;
    private final Prompts prompts;
    private final AnswerProperties properties;
    private final Function<String, DocumentMetadata> documents;
    private volatile Scorer scorer;
    private final Map<String, List<Unit>> analysed = new ConcurrentHashMap<>();

    private final java.util.function.BiFunction<String, Language, List<String>> compoundHeads;

    ExtractiveAnswerer(Analysis analysis, Prompts prompts, AnswerProperties properties,
                       Function<String, DocumentMetadata> documents) {
        this(analysis, prompts, properties, documents, (text, language) -> List.of());
    }

    /** @param compoundHeads a text's compounds' heads, stemmed ({@code KnowledgeIndex#compoundHeads}) */
    ExtractiveAnswerer(Analysis analysis, Prompts prompts, AnswerProperties properties,
                       Function<String, DocumentMetadata> documents,
                       java.util.function.BiFunction<String, Language, List<String>> compoundHeads) {
        this.compoundHeads = compoundHeads;
        this.analysis = analysis;
        this.prompts = prompts;
        this.properties = properties;
        this.documents = documents;
        this.scorer = Scorer.load();
    }

    /** The fitting command tries weights before they are written. */
    void use(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public Answer answer(String text, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        return answer(analyse(text, language, retrieval, history), retrieval, history, tokens);
    }

    @Override
    public Answer answer(QuestionAnalysis question, Retrieval retrieval, List<Conversations.Turn> history,
                         Consumer<String> tokens) {
        return answerExplained(question, retrieval, history, tokens).answer();
    }

    @Override
    public Explained answerExplained(QuestionAnalysis question, Retrieval retrieval, List<Conversations.Turn> history,
                                     Consumer<String> tokens) {
        Decision decision = decide(question, retrieval);
        log.debug("'{}': {}", question.text(), decision.reason());
        Language language = question.language();
        if (!decision.answered()) {
            String refusal = decision.reason().startsWith(ORPHAN) ? askBack(language) : prompts.noAnswer(language);
            tokens.accept(refusal);
            return new Explained(new Answer.NotFound(refusal, Answer.Reason.NOT_IN_KNOWLEDGE_BASE), decision);
        }
        Decision.Scored best = decision.ranked().get(0);
        Map<Passage, List<Unit>> quoted = Composer.single(best.candidate().passage(), best.excerpt());
        Decision.Scored other = Conflicts.differing(decision, question.kind());
        if (other != null) {
            quoted.put(other.candidate().passage(), other.excerpt());
        }
        String answer = Composer.compose(quoted, language, other != null);
        stream(answer, tokens);
        return new Explained(new Answer.Found(answer, quoted.keySet().stream().map(Sources::of).toList()), decision);
    }

    static final String ORPHAN = "avböjt: följdfråga utan tidigare fråga";

    private String askBack(Language language) {
        return switch (language) {
            case SV -> "Vad syftar du på? Skriv gärna hela frågan, så svarar jag om dokumenten tar upp det. Du kan också ringa "
                    + properties.helpLine() + ".";
            case NO -> "Hva sikter du til? Skriv gjerne hele spørsmålet, så svarer jeg hvis dokumentene tar det opp. Du kan også ringe "
                    + properties.helpLine() + ".";
            case EN -> "What do you refer to? Please write the whole question and I will answer if the documents cover it. You can also call "
                    + properties.helpLine() + ".";
        };
    }

    @Override
    public Decision explain(String text, Language language, Retrieval retrieval, List<Conversations.Turn> history) {
        return decide(analyse(text, language, retrieval, history), retrieval);
    }

    /**
     * The question read from its words and conversation, for callers that did not read it before searching (a
     * model answerer falling back): a follow-up where the search was given the earlier question.
     */
    QuestionAnalysis analyse(String text, Language language, Retrieval retrieval, List<Conversations.Turn> history) {
        boolean followUp = !history.isEmpty()
                && retrieval.contextTerms().values().stream().anyMatch(groups -> !groups.isEmpty());
        Conversations.Turn previous = followUp ? history.get(history.size() - 1) : null;
        return QuestionAnalysis.of(text, language, analysis, followUp ? previous.question() : "", followUp,
                followUp ? Set.copyOf(previous.documentIds()) : Set.of(), followUp ? previous.answer() : "");
    }

    /** Every stage after the question's analysis up to the decision, each candidate's features and probability (best first). */
    Decision decide(QuestionAnalysis question, Retrieval retrieval) {
        Scorer scorer = this.scorer;
        if (question.orphanFollowUp(analysis)) {
            return new Decision(false, ORPHAN, scorer.threshold(), List.of());
        }
        Setting setting = Setting.of(question, retrieval, analysis, this::units, documents);
        List<Decision.Scored> ranked = new ArrayList<>();
        int absent = 0;
        for (int rank = 0; rank < retrieval.passages().size(); rank++) {
            Passage passage = retrieval.passages().get(rank);
            List<Unit> units = units(passage);
            if (setting.asked(passage.language()).isEmpty()) {
                continue;
            }
            for (int i = 0; i < units.size(); i++) {
                Candidate candidate = new Candidate(passage, rank, units, i);
                double[] features = Features.of(candidate, setting, analysis);
                if (features[FEATURE_ABSENT] > 0) {
                    absent++;
                    continue; // a hard rule: a question naming a district, union or person is answered from its documents
                }
                ranked.add(new Decision.Scored(candidate, features, scorer.probability(features),
                        Composer.excerpt(candidate, question.kind(), properties.maxAnswerChars())));
            }
        }
        ranked.sort(Comparator.comparingDouble(Decision.Scored::probability).reversed());
        if (ranked.isEmpty()) {
            return new Decision(false, absent > 0 ? "avböjt: inget hämtat dokument nämner det namn frågan ger"
                    : "avböjt: inga meningar att välja bland", scorer.threshold(), ranked);
        }
        double best = ranked.get(0).probability();
        boolean answered = best >= scorer.threshold();
        String reason = String.format(java.util.Locale.ROOT, "%s: bästa meningens sannolikhet %.2f %s tröskeln %.2f",
                answered ? "svarat" : "avböjt", best, answered ? "≥" : "<", scorer.threshold());
        return new Decision(answered, reason, scorer.threshold(), ranked);
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
            units = Unit.of(passage, analysis, compoundHeads);
            analysed.put(key, units);
        }
        return units;
    }
}
