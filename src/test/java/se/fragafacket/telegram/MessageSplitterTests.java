package se.fragafacket.telegram;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSplitterTests {

    private static String sentences(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Mening nummer " + i + " handlar om LO-distriktens arbete med facklig utbildning.")
                .collect(Collectors.joining(" "));
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void leavesATextThatFitsWhole() {
        assertThat(MessageSplitter.split("Det finns nio LO-distrikt.", 4096)).containsExactly("Det finns nio LO-distrikt.");
    }

    @Test
    void splitsALongTextAtSentenceEndsIntoPiecesThatFit() {
        String text = sentences(150);
        assertThat(text.length()).isGreaterThan(4096 * 2);

        List<String> pieces = MessageSplitter.split(text, 4096);

        assertThat(pieces).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(4096);
            assertThat(piece).endsWith("utbildning.");
            assertThat(piece).startsWith("Mening nummer");
        });
        assertThat(normalized(String.join(" ", pieces))).isEqualTo(normalized(text));
    }

    @Test
    void prefersAParagraphBreakInTheSecondHalf() {
        String first = sentences(20);
        String text = first + "\n\n" + sentences(20);

        List<String> pieces = MessageSplitter.split(text, first.length() + 100);

        assertThat(pieces.get(0)).isEqualTo(first);
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        String text = "Hon sa: ”Gå med i facket!” Sedan gick hon. " + "Ord ".repeat(20);

        List<String> pieces = MessageSplitter.split(text, 60);

        assertThat(pieces.get(0)).isEqualTo("Hon sa: ”Gå med i facket!” Sedan gick hon.");
    }

    @Test
    void doesNotTakeTheFullStopOfANumberedItemForASentenceEnd() {
        String text = "1. Gå med i facket. 2. Betala avgiften. 3. Rösta på årsmötet.";

        List<String> pieces = MessageSplitter.split(text, 44);

        assertThat(pieces).containsExactly("1. Gå med i facket. 2. Betala avgiften.", "3. Rösta på årsmötet.");
    }

    @Test
    void cutsASentenceLongerThanAMessageBetweenWords() {
        String text = "ord ".repeat(50).strip();

        List<String> pieces = MessageSplitter.split(text, 30);

        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(30);
            assertThat(piece).matches("(ord ?)+");
        });
        assertThat(String.join(" ", pieces)).isEqualTo(text);
    }

    @Test
    void cutsAWordLongerThanAMessageWithoutBreakingASurrogatePair() {
        String text = "a".repeat(9) + "😀".repeat(10);

        List<String> pieces = MessageSplitter.split(text, 10);

        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(10);
            assertThat(Character.isLowSurrogate(piece.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
        });
        assertThat(String.join("", pieces)).isEqualTo(text);
    }
}
