package se.fragafacket.answer.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/**
 * Turns the chosen sentence into what a member reads: the sentence itself, with the whole list it introduces
 * (or belongs to, when a list is asked for), the sentence before it when it speaks of a person by pronoun
 * only, never a heading prefix, a caption or the same sentence twice.
 */
public final class Composer {

    private static final Pattern PRONOUN = Pattern.compile("\\b(honom|henne|hon|han|hun|ham|him|her|she|he)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern PERSON_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+");

    private Composer() {
    }

    /** The units to quote for a candidate. */
    public static List<Unit> excerpt(Candidate candidate, QuestionKind kind, int maxChars) {
        List<Unit> units = candidate.units();
        int start = candidate.index();
        Unit chosen = units.get(start);
        if (chosen.listItem() && !kind.wantsFact()) {
            int i = start;
            while (i > 0 && units.get(i - 1).listItem()) {
                i--;
            }
            if (i > 0 && units.get(i - 1).leadIn()) {
                start = i - 1; // a list is asked for: quote it whole, from the line that introduces it
            }
        }
        if (namedBefore(units, start)) {
            start--; // "Du når honom på …" says whom only with the sentence before
        }
        List<Unit> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int length = 0;
        boolean inList = false;
        int sentences = 0;
        for (int i = start; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (i > start && i > candidate.index() && Features.fragment(unit) && !unit.listItem()) {
                continue; // a caption between the sentence and what follows
            }
            boolean required = i <= candidate.index() || inList && unit.listItem();
            // a list question is answered by its enumeration or list alone; other open questions by the gist
            boolean more = !kind.wantsFact() && kind != QuestionKind.LIST && !unit.listItem() && !inList
                    && sentences < 2 && !Features.fragment(unit);
            if (!required && !more) {
                break;
            }
            if (!required && length + unit.text().length() > maxChars
                    || inList && unit.listItem() && length + unit.text().length() > 2 * maxChars) {
                break;
            }
            if (seen.add(unit.text())) {
                out.add(unit);
                length += unit.text().length();
            }
            if (i > candidate.index() && !unit.listItem()) {
                sentences++;
            }
            inList = inList || unit.leadIn();
        }
        return out;
    }

    /** The unit speaks of a person by pronoun only and the sentence before names the person: both are quoted. */
    public static boolean namedBefore(List<Unit> units, int index) {
        return index > 0 && speaksByPronoun(units.get(index).text()) && !units.get(index - 1).listItem()
                && PERSON_NAME.matcher(units.get(index - 1).text()).find();
    }

    static boolean speaksByPronoun(String text) {
        return PRONOUN.matcher(text).find() && !PERSON_NAME.matcher(text).find();
    }

    /** The answer's text: each passage's excerpt, marked with its document where it is in another language. */
    public static String compose(Map<Passage, List<Unit>> quoted, Language language, boolean namesDocuments) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> said = new java.util.HashSet<>();
        for (Map.Entry<Passage, List<Unit>> entry : quoted.entrySet()) {
            Passage passage = entry.getKey();
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (passage.language() != language) {
                String original = passage.language() == Language.SV ? "Swedish" : "Norwegian";
                text.append(switch (language) {
                    case EN -> "From “" + passage.title() + "” (in " + original + "):\n";
                    case NO -> "Fra «" + passage.title() + "» (på svensk):\n";
                    case SV -> "Ur ”" + passage.title() + "” (på norska):\n";
                });
            } else if (namesDocuments) {
                text.append(switch (language) {
                    case EN -> "According to “" + passage.title() + "”: ";
                    case NO -> "Ifølge «" + passage.title() + "»: ";
                    case SV -> "Enligt ”" + passage.title() + "”: ";
                });
            }
            boolean first = true;
            for (Unit unit : entry.getValue()) {
                if (!said.add(unit.text())) {
                    continue;
                }
                if (!first) {
                    text.append(unit.listItem() ? "\n• " : " ");
                } else if (unit.listItem()) {
                    text.append("• ");
                }
                text.append(unit.text());
                first = false;
            }
        }
        return text.toString();
    }

    public static Map<Passage, List<Unit>> single(Passage passage, List<Unit> units) {
        Map<Passage, List<Unit>> out = new LinkedHashMap<>();
        out.put(passage, units);
        return out;
    }
}
