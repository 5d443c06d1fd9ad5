package se.fragafacket.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text too long for one Telegram message into pieces of at most a given length, at the last
 * paragraph, line or sentence end that fits; a single sentence longer than that is cut between words, and
 * a word longer than that (a long link) wherever it must, never inside a surrogate pair.
 */
final class MessageSplitter {

    private MessageSplitter() {
    }

    static List<String> split(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2");
        }
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxChars) {
            int cut = cutPoint(rest, maxChars);
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Where to end the next piece: a length of at most {@code maxChars}, greater than zero. */
    private static int cutPoint(String text, int maxChars) {
        // a break must leave the piece at least half full, or a text of short paragraphs becomes many messages
        int least = maxChars / 2;
        int paragraph = text.lastIndexOf("\n\n", maxChars - 1);
        if (paragraph >= least) {
            return paragraph;
        }
        int sentence = -1;
        int line = -1;
        for (int i = Math.min(maxChars, text.length() - 1); i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' && line < 0) {
                line = i;
            }
            if (Character.isWhitespace(c) && endsSentence(text, i - 1)) {
                sentence = i;
                break;
            }
        }
        if (line >= least && line > sentence) {
            return line;
        }
        if (sentence > 0) {
            return sentence;
        }
        if (line > 0) {
            return line;
        }
        for (int i = maxChars; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(maxChars)) ? maxChars - 1 : maxChars;
    }

    /**
     * Whether the character at {@code i} closes a sentence, allowing closing quotes and brackets after the
     * mark; a number's full stop ("33." in a numbered list, "5. mai") does not.
     */
    private static boolean endsSentence(String text, int i) {
        while (i > 0 && "\"'”’»)]".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        char mark = text.charAt(i);
        if (".!?…".indexOf(mark) < 0) {
            return false;
        }
        if (mark == '.') {
            int start = i;
            while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
                start--;
            }
            boolean onlyDigits = start < i && (start == 0 || Character.isWhitespace(text.charAt(start - 1)));
            return !onlyDigits;
        }
        return true;
    }
}
