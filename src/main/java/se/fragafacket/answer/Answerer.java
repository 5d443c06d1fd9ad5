package se.fragafacket.answer;

import java.util.List;
import java.util.function.Consumer;

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

    /** Why the answer is what it is (the candidates' features and the decision), where the answerer can say. */
    default se.fragafacket.answer.extract.Decision explain(String question, Language language, Retrieval retrieval,
                                                          List<Conversations.Turn> history) {
        return null;
    }
}
