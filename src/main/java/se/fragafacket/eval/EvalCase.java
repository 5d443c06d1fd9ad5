package se.fragafacket.eval;

import java.util.List;
import java.util.Locale;

import se.fragafacket.chat.ChatResponse;

/**
 * One line of a question set (the contract's JSONL format).
 *
 * @param turns      the conversation's messages; the last one is judged
 * @param sources    documentIds of which at least one must be cited
 * @param expectAny  the answer must hold at least one of these (when any are given)
 * @param expectAll  the answer must hold all of these
 */
public record EvalCase(String id, String lang, List<String> turns, boolean answerable, List<String> sources,
                       List<String> expectAny, List<String> expectAll, String style) {

    /** A case without a {@code style} (the way of writing it stands for: "typo", "english", …). */
    public EvalCase(String id, String lang, List<String> turns, boolean answerable, List<String> sources,
                    List<String> expectAny, List<String> expectAll) {
        this(id, lang, turns, answerable, sources, expectAny, expectAll, "");
    }

    public String question() {
        return turns.get(turns.size() - 1);
    }

    /** Judged as the contract says: phrases compared case-insensitively without white space and dashes. */
    public boolean passes(ChatResponse response) {
        if (!answerable) {
            return !response.answered();
        }
        if (!response.answered()) {
            return false;
        }
        String answer = normalise(response.answer());
        boolean any = expectAny.isEmpty() || expectAny.stream().anyMatch(p -> answer.contains(normalise(p)));
        boolean all = expectAll.stream().allMatch(p -> answer.contains(normalise(p)));
        boolean cited = sources.isEmpty()
                || response.sources().stream().anyMatch(s -> sources.contains(s.documentId()));
        return any && all && cited;
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Z}\\-‐‑‒–—―]+", "");
    }
}
