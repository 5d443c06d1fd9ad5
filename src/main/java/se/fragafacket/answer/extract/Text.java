package se.fragafacket.answer.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers shared by the stages. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Text() {
    }

    /** "Västsverige" → "vastsverige", "Trøndelag" → "trondelag": file names are often written without them. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ø", "o").replace("æ", "ae");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
