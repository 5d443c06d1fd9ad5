package se.fragafacket.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.Language;

/**
 * Reads a member's message before anything is searched: what is chatter (a greeting, thanks, a sign-off,
 * emoji, a line about oneself) and what is the question, or questions, it asks. General patterns of how
 * people write to a help desk in Swedish, Norwegian and English; nothing here names a topic.
 */
public final class MessageUnderstanding {

    /** Parts of a message asking several things at most answered one by one. */
    public static final int MAX_PARTS = 3;

    private static final String GREETING_SV = "hej(?:san|sa)?(?:\\s+hej)?|hallå|tjena(?:re)?|tja|god\\s+(?:morgon|dag|kväll|eftermiddag)|goddag|morsning|hejhej";
    private static final String GREETING_NO = "hei(?:sann|\\s+hei)?|hallo|god\\s+(?:morgen|dag|kveld|ettermiddag)|morn";
    private static final String GREETING_EN = "hi|hello|hey|hiya|good\\s+(?:morning|afternoon|evening)|greetings|dear\\s+\\p{L}+";
    /** A greeting opening a sentence, with what may follow it ("Hej alla!", "Hallå där,"). */
    private static final Pattern GREETING = Pattern.compile("^(?:(" + GREETING_SV + ")|(" + GREETING_NO + ")|("
            + GREETING_EN + "))(?:\\s+(?:där|alla|allihop|du|ni|på\\s+dig|der|dere|there|everyone|all|team|fråga\\s+facket))?"
            + "(?=[\\s,.!:;–-]|$)[\\s,.!:;–-]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String THANKS_SV = "(?:stort\\s+|tusen\\s+)?tack(?:ar)?(?:\\s+så\\s+(?:mycket|jättemycket|hemskt\\s+mycket))?(?:\\s+(?:på\\s+förhand|för\\s+(?:hjälpen|svaret|svar|att\\s+ni\\s+finns|att\\s+du\\s+finns|all\\s+hjälp)|i\\s+förväg|ska\\s+du\\s+ha|ska\\s+ni\\s+ha))?";
    private static final String THANKS_NO = "(?:tusen\\s+)?takk(?:\\s+skal\\s+du\\s+ha)?(?:\\s+så\\s+mye)?(?:\\s+(?:på\\s+forhånd|for\\s+(?:hjelpen|svaret|svar)|i\\s+forkant))?";
    private static final String THANKS_EN = "(?:many\\s+)?thanks(?:\\s+a\\s+lot)?(?:\\s+in\\s+advance|\\s+for\\s+(?:the\\s+)?(?:help|answer|your\\s+help))?|thank\\s+you(?:\\s+(?:so|very)\\s+much)?(?:\\s+in\\s+advance|\\s+for\\s+(?:the\\s+)?(?:help|answer|your\\s+help))?|thx|cheers|ty";
    /** A sentence that only thanks (or only says "ok"), whole. */
    private static final Pattern THANKS = Pattern.compile("^(?:(" + THANKS_SV + ")|(" + THANKS_NO + ")|(" + THANKS_EN
            + ")|ok(?:ej|ay)?|okej\\s+tack|toppen|perfekt|super|bra|great|fint|flott)(?:\\s+(?:igen|again|igjen))?[\\s,.!:;]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Thanks closing a sentence that asks something ("…? Tack!" is split off; "… tack på förhand" is not). */
    private static final Pattern TRAILING_THANKS = Pattern.compile("[\\s,.!]+(?:" + THANKS_SV + "|" + THANKS_NO + "|"
            + THANKS_EN + ")[\\s,.!]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A sign-off and everything after it: the writer's name, a title. */
    private static final Pattern SIGN_OFF = Pattern.compile(
            "(?:^|[\\s,.!?])(?:mvh|m\\.v\\.h\\.?|med\\s+vänlig(?:a)?\\s+hälsning(?:ar)?|vänlig(?:a)?\\s+hälsning(?:ar)?|hälsningar|"
                    + "med\\s+vennlig\\s+hilsen|vennlig\\s+hilsen|hilsen|best\\s+regards|kind\\s+regards|regards|"
                    + "best\\s+wishes|sincerely|kram|klem)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** "/Johan" or "— Karin" closing a message. */
    private static final Pattern SIGNATURE = Pattern.compile("\\s*(?:/|–\\s|—\\s|-\\s)\\s*\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}*)?\\s*$");

    /** A sentence about oneself that asks nothing ("Jag är medlem i Kommunal.", "I work in a warehouse."). */
    private static final Pattern ABOUT_ONESELF = Pattern.compile(
            "^(?:jag|jeg|i|i'm|my|mitt|min|mina|vi|we)\\b(?:\\s+\\p{L}+){0,2}\\s+(?:är|er|am|heter|jobbar|jobber|arbetar|arbeider|work|har|have|"
                    + "undrar|lurer|wonder|blev|ble|was|var|bor|live|pluggar|studerar|studerer|tänkte|tenkte|thought|name|namn|navn)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "What can you do?" and its kin, the whole cleaned question. */
    private static final Pattern CAPABILITIES = Pattern.compile("^(?:"
            + "(vad\\s+kan\\s+(?:du|ni|man)\\s+(?:svara\\s+på|svara\\s+om|hjälpa\\s+(?:mig\\s+|till\\s+)?med|göra|fråga(?:\\s+om)?|hjälpa\\s+till\\s+med)|"
            + "vad\\s+vet\\s+(?:du|ni)(?:\\s+om)?|vem\\s+är\\s+du|vad\\s+är\\s+du(?:\\s+för\\s+något)?|hur\\s+fungerar\\s+(?:du|det\\s+här|detta|tjänsten)|"
            + "vad\\s+kan\\s+jag\\s+fråga(?:\\s+om)?|vad\\s+gör\\s+du|hjälp|kan\\s+du\\s+hjälpa\\s+mig)|"
            + "(hva\\s+kan\\s+(?:du|dere|man)\\s+(?:svare\\s+på|hjelpe\\s+(?:meg\\s+|til\\s+)?med|gjøre|spørre\\s+om)|hva\\s+vet\\s+du(?:\\s+om)?|"
            + "hvem\\s+er\\s+du|hva\\s+er\\s+du|hvordan\\s+fungerer\\s+(?:du|dette|tjenesten)|hva\\s+kan\\s+jeg\\s+spørre(?:\\s+om)?|hjelp|kan\\s+du\\s+hjelpe\\s+meg)|"
            + "(what\\s+can\\s+(?:you|i)\\s+(?:do|answer|help(?:\\s+me)?\\s+with|ask(?:\\s+about)?|ask\\s+you(?:\\s+about)?)|who\\s+are\\s+you|what\\s+are\\s+you|"
            + "what\\s+do\\s+you\\s+know(?:\\s+about)?|how\\s+do\\s+(?:you|i\\s+use\\s+this)\\s*(?:work)?|help|can\\s+you\\s+help\\s+me)"
            + ")(?:\\s+(?:egentligen|eigentlig|exactly|actually|då|da|then|här|her|here))?[\\s?.!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Hearsay ("jag har hört att …", "I read somewhere that") or a check ("stämmer det?", "is that still right?"). */
    private static final String CLAIM_FRAME =
            "\\b(?:jag\\s+(?:har\\s+)?(?:hört|läst|sett|fått\\s+höra|hörde|läste|såg|fick\\s+höra)|någon\\s+(?:sa|har\\s+sagt)"
                    + "|jeg\\s+(?:har\\s+)?(?:hørt|lest|sett|hørte|leste|så)|noen\\s+(?:sa|har\\s+sagt)"
                    + "|i(?:'ve|\\s+have)?\\s+(?:heard|read|saw|seen)|some(?:one|body)\\s+(?:said|told\\s+me))"
                    // where it was heard or read: "I read somewhere that", "jag läste på nätet att"
                    + "(?:\\s+(?:någonstans|nånstans|på\\s+nätet|et\\s+sted|noe\\s+sted|på\\s+nettet|somewhere|online"
                    + "|on\\s+the\\s+(?:web|internet)))?\\s+(?:att|at|that)\\b"
                    + "|\\b(?:stämmer\\s+det|är\\s+det\\s+sant|stemmer\\s+det|er\\s+det\\s+sant|is\\s+(?:that|it)(?:\\s+still)?\\s+(?:true|right|correct))"
                    + "(?:\\s+(?:fortfarande|fortsatt|fremdeles|still))?(?:\\s+(?:att|at|that))?\\b";
    /** What follows is a claim the member wants checked, not the fact's own words. */
    private static final Pattern CLAIM = Pattern.compile(CLAIM_FRAME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A figure in a claim ("LO Skåne has 250 000 members, is that right?"): it is what is checked, so it must not
     * pick the sentence that repeats it (an older copy's) over the one stating the fact now; it is asked for
     * instead ("how many"). A year stays: it says which time is meant.
     */
    private static final Pattern CLAIMED_FIGURE = Pattern.compile(
            "(?<![\\p{L}\\d])(?!(?:19|20)\\d\\d(?![\\d  ]))\\d{1,3}(?:[  ]\\d{3})+(?:[.,]\\d+)?(?![\\p{L}\\d])"
                    + "|(?<![\\p{L}\\d])(?!(?:19|20)\\d\\d(?![\\d]))\\d+(?:[.,]\\d+)?(?![\\p{L}\\d])");
    /**
     * Words that frame what is asked without adding to it: a claim's frame, "i så fall", a request to tell ("kan du
     * berätta", "can you tell me"), wondering ("jag undrar", "vet du").
     */
    private static final Pattern FRAME = Pattern.compile(CLAIM_FRAME
                    + "|\\b(?:(?:och|og|and)\\s+)?(?:i\\s+så\\s+fall|if\\s+so)\\b"
                    + "|\\b(?:kan|skulle)\\s+(?:du|ni)\\s+(?:kunna\\s+)?(?:berätta|säga|förklara)(?:\\s+för\\s+mig)?\\b"
                    + "|\\b(?:kan|kunne)\\s+(?:du|dere)\\s+(?:fortelle|forklare)(?:\\s+meg)?\\b"
                    + "|\\b(?:(?:can|could)\\s+you\\s+(?:please\\s+)?|(?:kan|kunne)\\s+(?:du|dere)\\s+)?(?:tell|explain\\s+to)\\s+me\\b"
                    + "|\\b(?:jag\\s+undrar|undrar\\s+(?:lite|bara)|jeg\\s+lurer\\s+på|i\\s+(?:was\\s+)?wonder(?:ing)?|vet\\s+(?:du|ni|dere)"
                    + "|do\\s+you\\s+know)\\b"
                    // a classifier after a question word asks for the thing itself ("what kind of organisation" asks for
                    // an organisation): the noun "kind" is not asked about, and its other senses (vänlig) mislead; "typ"
                    // and "type" only before "av", where a noun surely follows ("Vilka typer finns?" asks about types)
                    + "|(?<=\\b(?:what|which)\\s{1,3})(?:kinds?|sorts?|types?)\\s+of\\b"
                    + "|(?<=\\b(?:vad\\s{1,3}f[öo]r|vilken|vilket|vilka)\\s{1,3})(?:slags|sorts|sorters|(?:typ|typer)\\s+av)\\b"
                    + "|(?<=\\b(?:hva|hvilken|hvilket|hvilke)\\s{1,3})(?:slags|sorts|(?:type|typer)\\s+av)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Punctuation a removed frame leaves behind: "sidan – , med vilka?" → "sidan – med vilka?". */
    private static final Pattern LEFT_OVER = Pattern.compile("(?<=[,–—-])\\s*[,–—-]+|^[\\s,–—-]+|\\s*[,–—-]+\\s*(?=[?.!]|$)|\\s+(?=[,?.!])");

    /** Words that open a question. */
    private static final String QUESTION_WORD = "vad|vem|vems|vilka|vilket|vilken|hur|när|var|vart|varför|hva|hvem|hvilke|hvilket|"
            + "hvilken|hvordan|når|hvor|hvorfor|what|who|whom|whose|which|how|when|where|why";
    private static final Pattern OPENS_QUESTION = Pattern.compile("^(?:" + QUESTION_WORD + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "…, och vilket nummer har han?": a second question joined to the first. */
    private static final Pattern JOINED_QUESTION = Pattern.compile(
            ",?\\s+(?:och|samt|og|and|men|but)\\s+(?=(?:" + QUESTION_WORD + ")\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Sentence ends: after ! or ?, after a full stop before a capital (not "1. mai"), and line breaks. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[!?])\\s+|(?<=[^\\d\\s.][.])\\s+(?=[\\p{Lu}\"«])|\\s*\\R+\\s*");
    private static final Pattern EMOTICON = Pattern.compile("(?<!\\S)[:;=8][-']?[)(DPp/\\\\|*3]+(?!\\S)|(?<!\\S)<3(?!\\S)|(?<!\\S)\\^\\^?(?!\\S)");

    private final ToIntFunction<String> contentWords;

    /**
     * @param contentWords how many words of a text say what it is about (question words and fillers not
     *                     counted): a part of a message too thin to stand alone is kept with its neighbour
     */
    public MessageUnderstanding(ToIntFunction<String> contentWords) {
        this.contentWords = contentWords;
    }

    /** Reads a message (already validated: not blank, not too long). */
    public Understood read(String message) {
        String text = withoutEmoji(message).strip();
        Language chatter = null;
        boolean greeted = false;
        boolean thanked = false;

        // a sign-off ends the message: what follows it is a name
        Matcher signOff = SIGN_OFF.matcher(text);
        if (signOff.find()) {
            chatter = languageOf(signOff.group(), chatter);
            text = text.substring(0, signOff.start()).strip();
        }
        text = SIGNATURE.matcher(text).replaceFirst("").strip();

        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String s = sentence.strip();
            // a greeting opening a sentence, and again after it ("Hej hej!")
            for (Matcher m = GREETING.matcher(s); !s.isEmpty() && m.find(); m = GREETING.matcher(s)) {
                greeted = true;
                chatter = chatter != null ? chatter : m.group(1) != null ? Language.SV : m.group(2) != null ? Language.NO : Language.EN;
                s = s.substring(m.end()).strip();
            }
            Matcher thanks = THANKS.matcher(s);
            if (thanks.matches()) {
                thanked = true;
                if (chatter == null && (thanks.group(1) != null || thanks.group(2) != null || thanks.group(3) != null)) {
                    chatter = thanks.group(1) != null ? Language.SV : thanks.group(2) != null ? Language.NO : Language.EN;
                }
                continue;
            }
            s = TRAILING_THANKS.matcher(s).replaceFirst("").strip();
            if (!s.isEmpty() && s.chars().anyMatch(Character::isLetterOrDigit)) {
                sentences.add(s);
            }
        }
        if (sentences.isEmpty()) {
            return new Understood(List.of(), thanked && !greeted ? Understood.SmallTalk.THANKS : Understood.SmallTalk.GREETING, chatter);
        }
        if (sentences.size() == 1 && CAPABILITIES.matcher(sentences.get(0)).matches()) {
            Matcher m = CAPABILITIES.matcher(sentences.get(0));
            m.matches();
            Language language = m.group(1) != null ? Language.SV : m.group(2) != null ? Language.NO : Language.EN;
            return new Understood(List.of(), Understood.SmallTalk.CAPABILITIES, language);
        }

        List<String> questions = questionsAmong(sentences).stream().map(MessageUnderstanding::unframed).toList();
        if (questions.size() == 1 && CAPABILITIES.matcher(questions.get(0)).matches()) {
            return new Understood(List.of(), Understood.SmallTalk.CAPABILITIES, chatter);
        }
        return new Understood(parts(questions), null, chatter);
    }

    /**
     * The sentences that ask: those ending in a question mark when there are any (a bare check, "stämmer det?",
     * standing for the claim before it), else those opening with a question word, else all but remarks about oneself.
     */
    private List<String> questionsAmong(List<String> sentences) {
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            if (!sentence.endsWith("?")) {
                continue;
            }
            // "Jeg leste at X. Stemmer det fortsatt?": a check asking nothing of its own asks about the claim before it
            boolean onlyFrame = FRAME.matcher(sentence).find() && unframed(sentence).equals(sentence);
            asked.add(onlyFrame && i > 0 && !sentences.get(i - 1).endsWith("?") ? sentences.get(i - 1) : sentence);
        }
        if (asked.isEmpty()) {
            asked = sentences.stream().filter(s -> OPENS_QUESTION.matcher(s).find()).toList();
        }
        if (asked.isEmpty()) {
            asked = sentences.stream().filter(s -> !ABOUT_ONESELF.matcher(s).find()).toList();
        }
        if (asked.isEmpty()) {
            asked = sentences; // only remarks about oneself: keep them rather than nothing
        }
        return asked;
    }

    /** A question without the words that frame it; as written when nothing else is left. */
    static String unframed(String question) {
        Matcher checked = CLAIM.matcher(question);
        String claim = checked.find() ? CLAIMED_FIGURE.matcher(question).replaceAll(howMany(checked.group())) : question;
        String own = FRAME.matcher(claim).replaceAll(" ").replaceAll("\\s{2,}", " ").strip();
        own = LEFT_OVER.matcher(own).replaceAll("").strip();
        return own.chars().filter(Character::isLetterOrDigit).count() < 3 ? question : own;
    }

    /**
     * What a claimed figure becomes: the question it leaves ("LO Skåne has how many members?"), in the claim's
     * language, so the answer is asked to state a number.
     */
    private static String howMany(String frame) {
        String lower = frame.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\\b(jag|någon|stämmer|är)\\b.*")) {
            return "hur många";
        }
        return lower.matches("(?s).*\\b(jeg|noen|stemmer|er)\\b.*") ? "hvor mange" : "how many";
    }

    /** Each question asked, a sentence with two joined questions split in two; parts too thin are kept together. */
    private List<String> parts(List<String> questions) {
        List<String> pieces = new ArrayList<>();
        List<String> joins = new ArrayList<>(); // what stood before each piece, to put a thin piece back as written
        for (String question : questions) {
            Matcher joined = JOINED_QUESTION.matcher(question);
            int start = 0;
            String join = " ";
            while (joined.find()) {
                pieces.add(question.substring(start, joined.start()).strip());
                joins.add(join);
                join = joined.group();
                start = joined.end();
            }
            pieces.add(question.substring(start).strip());
            joins.add(join);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (piece.isEmpty()) {
                continue;
            }
            boolean thin = contentWords.applyAsInt(piece) == 0;
            boolean previousThin = !parts.isEmpty() && contentWords.applyAsInt(parts.get(parts.size() - 1)) == 0;
            if (!parts.isEmpty() && (thin || previousThin || parts.size() >= MAX_PARTS)) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + joins.get(i) + piece);
            } else {
                parts.add(piece);
            }
        }
        return parts;
    }

    private static Language languageOf(String signOff, Language known) {
        if (known != null) {
            return known;
        }
        String s = signOff.toLowerCase(Locale.ROOT);
        if (s.contains("hilsen") || s.contains("klem")) {
            return Language.NO;
        }
        if (s.contains("regards") || s.contains("wishes") || s.contains("sincerely")) {
            return Language.EN;
        }
        return s.contains("hälsning") || s.contains("kram") ? Language.SV : null;
    }

    /** The message without emoji, pictographs and emoticons. */
    static String withoutEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean pictograph = type == Character.OTHER_SYMBOL || type == Character.SURROGATE
                    || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            out.appendCodePoint(pictograph ? ' ' : cp);
        });
        return EMOTICON.matcher(out).replaceAll(" ").replaceAll("[ \\t]{2,}", " ");
    }
}
