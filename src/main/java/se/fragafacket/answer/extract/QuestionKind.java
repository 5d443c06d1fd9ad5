package se.fragafacket.answer.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of fact a question asks for, read from its question words, and whether a sentence holds one.
 * A sentence holding the asked kind (a number for "hur många", a date for "när") is preferred.
 */
public enum QuestionKind {
    /** "Hur länge väljs styrelsen?": a span of time ("två år", "tre månader") answers it. */
    DURATION("\\b(hur länge|hur lång tid|hur långt tid|hvor lenge|hvor lang tid|how long|for how long)\\b",
            "^(tid|period|mandat|längd|lengd|term|durat)",
            "\\b(\\d+|ett|en|et|ei|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|to|fire|seks|syv|åtte|ti|one|two|three|four|five|six|ten|twelve|några|noen|a few)"
            + "\\s+(år|års|månad\\w*|måned\\w*|veck\\w*|uke\\w*|dag\\w*|døgn|timm\\w*|time\\w*|year\\w*|month\\w*|week\\w*|day\\w*|hour\\w*)\\b"
            + "|\\b(ett|et|ett och ett|one|each) (år|year) (i taget|av gangen|at a time)"
            // until when it holds: "gäller fram till 2026", "frem til 31. desember", "2024–2026"
            + "|\\b(fram till|till och med|t\\.o\\.m\\.|frem til|til og med|until|through|till|til)\\s+(\\d{1,2}\\.?\\s+\\p{L}+|(19|20)\\d\\d\\b)"
            + "|\\b(19|20)\\d\\d\\s*[–-]\\s*((19|20)\\d\\d|\\d\\d)\\b"),
    /**
     * "Vad kostar kursen?", "Hur mycket betalar man?": an amount of money ("170 kronor") or that it costs nothing
     * answers it; a sentence about the course without one does not. A percentage is no price ("25% av ledamöterna").
     */
    PRICE("\\b(vad|hur mycket|hva|hvor mye|what|how much)(\\s+[\\p{L}-]+){0,3}?\\s+(kost\\w*|koster|cost\\w*|pris\\w*|price\\w*"
            + "|\\w*avgift\\w*|fee|fees|betala\\w*|betale\\w*|betaler|pay|pays|paid)\\b"
            + "|\\b(hur dyr\\w*|hvor dyr\\w*|how expensive)\\b",
            "^(kost|pris|price|cost|avgift|fee)",
            "\\d[\\d  ]*(:-|:–|,-)?\\s*(kr|kronor|krona|kroner|sek|nok|euro|eur|€|öre)(?!\\p{L})"
            + "|\\b(gratis|kostnadsfri\\w*|avgiftsfri\\w*|vederlagsfri\\w*|free of charge|utan kostnad|uten kostnad"
            + "|ingen avgift|ingen kostnad|ingen egenavgift|bekostas|betalas av|dekkes av|betales av)\\b"),
    NUMBER("\\b(hur många|hur mycket|hur stor|hvor mange|hvor mye|hvor stor|how many|how much|how large|antal|antalet"
            + "|antall|antallet|(?<!(phone|telephone|mobile|fax) )number of(?! " + Words.DETERMINER + "\\b)"
            + "|amount of)\\b",
            "^(antal|andel|procent|percent|prosent|siffr|tal|number|numb|amount)",
            "\\b\\d[\\d  ]*\\b|\\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|fyrtio|femtio|hundra|tusen|fire|seks|syv|åtte|ti|two|three|four|five|six|seven|eight|nine|ten|dussin|drygt|nästan|hälften|halva|halvparten|en tredjedel|en fjärdedel|var tredje|var fjärde|majoriteten|flertalet|de flesta|de fleste|half|a third|most)\\b"),
    /**
     * "När är årsmötet?": "när" opening the question or a clause of it; "Ska skyddsombudet vara med när … ?" asks
     * yes or no, and its "när" only says in which case.
     */
    DATE("(^|[,;:]\\s*|\\b(och|og|and|but|men|so|then|sedan|så|veta|vite|know|undrar|wonder)\\s+)(när|(?<!(hur|hvordan) )når|when)\\b"
            + "|\\b(vilket datum|vilken dag|hvilken dato|what date|which day)\\b",
            "^(datum|dato|date|dag|day|tid|tidpunkt|time|klock|klokk)",
            "\\b\\d{1,2}\\s*(–|-)?\\s*(\\d{1,2}\\s*)?(jan|feb|mar|apr|maj|mai|may|jun|jul|aug|sep|okt|oct|nov|dec)\\w*|\\b\\d{1,2}/\\d{1,2}\\b|\\bvecka \\d+|\\buke \\d+|\\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\\b"
            + "|\\b(klockan|klokken|kl\\.?|at)\\s?\\d{1,2}|\\b\\d{1,2}[:.]\\d{2}\\b"
            + "|\\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"),
    PHONE("\\b(telefon\\w*|nummer|numret|ringa|ringer|ring|ringe|phone|call|tel"
            // "the number for LO Skåne", "the number of the office": a number belonging to someone is the one to call
            + "|number (for|to)|number of " + Words.DETERMINER
            + "|(hur|hvordan|how) (når|kontaktar|kontakter|kommer|reach|contact|get hold of) \\w+|kontakta|kontakte|reach|contact)\\b",
            "^(telefon|numm|numb|ring|tel|phon|call|hjälptelefon|helplin|mobil|kontakt|contact|reach|nå)",
            "(?<![\\d-])(\\+\\d{2}[\\d -]{7,}\\d|0\\d{1,3}[-– ]?\\d{2,3}(?:[ ]?\\d{2}){1,3})(?![\\d-])"),
    EMAIL("\\b(e-?post|mejl\\w*|e-?mail|epost|adress)\\b", "^(mejl|epost|post|mail|adress)",
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+"),
    PERSON("\\b(vem|vilka personer|hvem|who|whom)\\b", "^(namn|navn|name|person)",
            "\\b(ansvarig|ansvarlig|ordförande|leder|chef)\\b|\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+"),
    PLACE("(^|\\s)(var|vart|hvor|where)\\s|\\bi vilken (stad|ort|kommun)\\b", "^(plats|ort|stad|sted|place|adress)",
            "\\b(i|på|in|at|på) \\p{Lu}\\p{L}+"),
    /** "Vad är LO-distriktet?": a sentence saying what it is ("X är …") answers it. */
    DEFINITION("^\\s*(vad|hva|what)\\s+(är|var|er|is|are)\\b", null, "^[^.:]{0,60}\\s(är|er|is|are)\\s"),
    /**
     * "Vilka yrken …?", "Hvilke organisasjoner …?": several things of one sort are asked for; an enumeration
     * ("undersköterskor, elektriker och byggnadsarbetare") or a list answers it, though it seldom names the sort.
     */
    LIST("\\b(vilka|hvilke|which)\\s+\\p{L}", null,
            "[^,;]+,[^,;]+(,| och | og | and | samt )[^,;]+"),
    OTHER(null, null, null);

    private final Pattern question;
    private final Pattern name;
    private final Pattern evidence;

    QuestionKind(String question, String name, String evidence) {
        this.question = question == null ? null : Pattern.compile(question, Pattern.UNICODE_CHARACTER_CLASS);
        this.name = name == null ? null : Pattern.compile(name, Pattern.UNICODE_CHARACTER_CLASS);
        this.evidence = evidence == null ? null : Pattern.compile(evidence, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** True when a question's stem names the kind itself ("telefonnummer", "datum"): a fact of the kind answers it. */
    public boolean namedBy(String stem) {
        return name != null && name.matcher(stem).find();
    }

    public static QuestionKind of(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        for (QuestionKind kind : values()) {
            if (kind.question != null && kind.question.matcher(lower).find()) {
                return kind;
            }
        }
        return OTHER;
    }

    /** True when the sentence holds a fact of this kind. */
    public boolean heldBy(String sentence) {
        if (evidence == null) {
            return false;
        }
        String text = this == PERSON || this == PLACE ? sentence : sentence.toLowerCase(Locale.ROOT);
        return evidence.matcher(text).find();
    }

    /** Where a text states facts of this kind (a kind with evidence only). */
    public java.util.regex.Matcher evidence(String sentence) {
        return evidence.matcher(this == PERSON || this == PLACE ? sentence : sentence.toLowerCase(Locale.ROOT));
    }

    /**
     * A number, an amount, a date, a phone number or an address is either there or not: a passage without one does
     * not answer "hur många", "vad kostar", "när" or "vilket nummer", however much else of the question it holds.
     */
    public boolean needsEvidence() {
        return this == NUMBER || this == PRICE || this == DATE || this == PHONE || this == EMAIL || this == DURATION;
    }

    /** A question after a single fact is best answered by one sentence; others by the passage's gist. */
    public boolean wantsFact() {
        return this != OTHER && this != DEFINITION && this != LIST;
    }

    /**
     * The kind has a form a sentence can be seen to hold (a number, a date, an enumeration…), which speaks for the
     * sentence ({@code kindHeld}). Not a price: a page names many amounts (wages, other fees, other unions'), so an
     * amount does not show that the sentence is about the thing asked; only a sentence without one is known not to
     * answer. (A word of the question naming the price, "kostar", is still held where an amount stands, as any
     * kind's name is: {@link #namedBy}.)
     */
    public boolean hasEvidence() {
        return evidence != null && this != DEFINITION && this != PRICE;
    }

    /** Words the kinds' patterns share (enum constants cannot name the enum's own static fields). */
    private static final class Words {
        /**
         * A determiner after "number of": "the number of the office" is the one to call (PHONE), "the number of
         * members" a count (NUMBER). One list for both, so each reading takes exactly what the other leaves.
         */
        static final String DETERMINER = "(the|a|an|my|your|our|their|this|that|his|her|its)";
    }

    private static final Pattern LIST_WORD = Pattern.compile(
            "\\b(vilka|hvilke|which)\\s+(?:(?:tre|fyra|fem|sex|två|tre|fire|seks|to|two|three|four|five|\\d+)\\s+)?(\\p{L}[\\p{L}-]*)",
            Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The word naming the sort of thing a list question asks for ("yrken" in "Vilka yrken har …"), or empty:
     * where an enumeration stands, the sort is taken as named.
     */
    public static String sortAsked(String question) {
        java.util.regex.Matcher m = LIST_WORD.matcher(question.toLowerCase(Locale.ROOT));
        return m.find() ? m.group(2) : "";
    }
}
