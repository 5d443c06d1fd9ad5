package se.fragafacket.answer.extract;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.Passage;

/**
 * A sentence or list item of a passage: what can be quoted.
 *
 * @param beforeList it ends the line that a list follows
 */
public record Unit(String text, boolean listItem, boolean beforeList, List<String> sequence, Stems stems) {

    /** It introduces the list after it ("I perioden skal vi:", "LO har pekat ut tre målområden"). */
    public boolean leadIn() {
        return !listItem && (text.endsWith(":") || beforeList);
    }

    /** A passage cut into its sentences and list items, each with its stems in the passage's language. */
    public static List<Unit> of(Passage passage, Analysis analysis) {
        return of(passage, analysis, (text, language) -> List.of());
    }

    /**
     * The same, each unit's stems also holding its compounds' heads ({@code heads}: a text's, stemmed), which a
     * question's word may name ("möte" of "medlemsmöten"); the unit's words in order stay as written.
     */
    public static List<Unit> of(Passage passage, Analysis analysis,
                                java.util.function.BiFunction<String, se.fragafacket.search.Language, List<String>> heads) {
        List<Unit> units = new ArrayList<>();
        String[] lines = passage.text().split("\n");
        for (int l = 0; l < lines.length; l++) {
            String text = lines[l].strip();
            if (text.startsWith("• ")) {
                String item = text.substring(2).strip();
                List<String> sequence = analysis.terms(item, passage.language());
                units.add(new Unit(item, true, false, sequence, Stems.of(sequence, heads.apply(item, passage.language()))));
                continue;
            }
            boolean listFollows = l + 1 < lines.length && lines[l + 1].strip().startsWith("• ");
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.of(passage.language().code()));
            sentences.setText(text);
            for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                 start = end, end = sentences.next()) {
                String sentence = text.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    List<String> sequence = analysis.terms(sentence, passage.language());
                    units.add(new Unit(sentence, false, listFollows && end == text.length(), sequence,
                            Stems.of(sequence, heads.apply(sentence, passage.language()))));
                }
            }
        }
        return units;
    }
}
