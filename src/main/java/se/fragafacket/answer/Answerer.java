package se.fragafacket.answer;

import java.util.List;
import java.util.function.Consumer;

import se.fragafacket.answer.extract.QuestionAnalysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Retrieval;

/** Turns a question and the passages retrieved for it into an answer; one implementation per provider. */
interface Answerer {

    /**
     * @param question  the member's words
     * @param language  the language to answer in
     * @param retrieval the passages found, best first
     * @param history   the conversation's earlier exchanges, oldest first
     * @param tokens    receives the answer's text piece by piece as it is produced
     */
    Answer answer(String question, Language language, Retrieval retrieval, List<Conversations.Turn> history,
                  Consumer<String> tokens);

    /** The same for a question read once ({@link QuestionAnalysis}) and searched with that reading. */
    default Answer answer(QuestionAnalysis question, Retrieval retrieval, List<Conversations.Turn> history,
                          Consumer<String> tokens) {
        return answer(question.text(), question.language(), retrieval, history, tokens);
    }

    /** An answer with why it is what it is, decided once (the decision is null where the answerer cannot say). */
    record Explained(Answer answer, se.fragafacket.answer.extract.Decision decision) {
    }

    /** The answer and, where the answerer can say, the decision behind it, decided once. */
    default Explained answerExplained(QuestionAnalysis question, Retrieval retrieval,
                                      List<Conversations.Turn> history, Consumer<String> tokens) {
        return new Explained(answer(question, retrieval, history, tokens),
                explain(question.text(), question.language(), retrieval, history));
    }

    /** Why the answer is what it is (the candidates' features and the decision), where the answerer can say. */
    default se.fragafacket.answer.extract.Decision explain(String question, Language language, Retrieval retrieval,
                                                          List<Conversations.Turn> history) {
        return null;
    }
}
