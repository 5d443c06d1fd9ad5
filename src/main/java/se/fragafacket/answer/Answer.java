package se.fragafacket.answer;

import java.util.List;

/** What the knowledge base gave for a question: an answer with its sources, or plainly none. */
public sealed interface Answer {

    String text();

    List<Source> sources();

    default boolean answered() {
        return this instanceof Found;
    }

    /** An answer drawn from the documents. */
    record Found(String text, List<Source> sources) implements Answer {
        public Found {
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("an answer must have its sources");
            }
            sources = List.copyOf(sources);
        }
    }

    /** The documents do not hold the answer (or the question was not one to answer); the text refers to a person. */
    record NotFound(String text, Reason reason) implements Answer {
        @Override
        public List<Source> sources() {
            return List.of();
        }
    }

    enum Reason {
        /** nothing in the documents answers it */
        NOT_IN_KNOWLEDGE_BASE,
        /** an attempt to make the assistant leave its instructions */
        REFUSED,
        /** a greeting, thanks or "what can you do?": answered with what the service does, not from the documents */
        SMALL_TALK
    }
}
