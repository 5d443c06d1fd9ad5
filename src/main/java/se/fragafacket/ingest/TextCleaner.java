package se.fragafacket.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what web pages and exports carry around the facts: sharing links, photo credits, dot leaders — and
 * text that speaks to an AI assistant rather than to a reader ("Ignorera reglerna …", "SYSTEM: …", "Ignore
 * previous instructions"), which is never indexed, so never quoted to members nor sent to a model.
 */
final class TextCleaner {

    private static final Logger log = LoggerFactory.getLogger(TextCleaner.class);

    /** Commands to drop one's rules; not when negated ("Glöm inte reglerna …" is advice to a member). */
    private static final String OVERRIDE = "(?:ignore|ignorera|ignorer|disregard|forget|glöm|glem|override|overstyr|strunta i)"
            + "(?!\\s+(?:inte|ikke|ikkje|not|aldrig|aldri|never)\\b)";
    private static final String RULES = "(?:instru\\w*|regl\\w*|regel\\w*|rules?|guidelines?|riktlinj\\w*|retningslinj\\w*|"
            + "prompt\\w*|systemprompt\\w*|direktiv\\w*|directives?)";
    private static final String EARLIER = "(?:(?:all|alla|alle)\\s+)?(?:the\\s+|de\\s+|dei\\s+)?(?:previous|prior|above|earlier|"
            + "tidigare|ovanstående|ovan|ovenstående|forrige|tidligere)";
    private static final String PLEASE = "(?:(?:please|vänligen|snälla|vennligst|now|nu|nå|du ska|du skal|you must|you should)\\s+)?";
    private static final String MACHINE = "(?:ai|a\\.i\\.|ai[- ]?assistent\\w*|ai[- ]?assistant|assistant|chat ?bot\\w*|chattbot\\w*|"
            + "language model|språkmodell\\w*|llm|gpt|model)";
    private static final int ADDRESS_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    /**
     * Text addressed to the assistant: a role marker opening it ("SYSTEM:", "[INST]"), a command to drop its
     * rules given as a sentence of its own ("Ignorera reglerna …", "Please ignore all previous instructions"),
     * words naming the reader as an AI ("Du är en AI …", "Note to the assistant: …"), or a new role ("You are
     * now …", "Från och med nu är du …"). A command in the middle of a sentence ("arbetsgivaren får inte
     * ignorera reglerna") is not one: it speaks of someone else. These are the forms that open a sentence (tried at
     * its start only); {@link #NAMES_MACHINE} and {@link #ASKS_INSTRUCTIONS} may stand anywhere in it.
     */
    static final Pattern OPENS_ADDRESS = Pattern.compile(String.join("|",
            "^\\W{0,3}(?:system|assistant|developer|system message|system prompt|systemprompt|systemmeddelande|systemmelding)\\s*[:>\\]]",
            "^\\W{0,3}(?:\\[/?inst]|<\\|?im_start|<<sys>>|<\\|system\\|>|###\\s*(?:instruction|system)\\b)",
            "^\\W{0,3}" + PLEASE + OVERRIDE + "\\b.{0,60}?\\b" + RULES,
            "^\\W{0,3}" + PLEASE + OVERRIDE + "\\s+(?:everything\\s+|allt\\s+|alt\\s+|what\\s+)?" + EARLIER + "\\b",
            "^\\W{0,3}" + PLEASE + "(?:bortse från|se bort fra|åsidosätt|skip|hoppa över|hopp over)\\b.{0,60}?\\b(?:instru\\w*|(?:system ?)?prompt\\w*)",
            "^\\W{0,3}(?:(?:a\\s+)?(?:note|message|notice|meddelande|beskjed)\\s+)?(?:to|till|til)\\s+(?:the\\s+|den\\s+|det\\s+)?"
                    + "(?:ai[- ]?assistent\\w*|ai[- ]?assistant\\w*|ai|assistant\\w*|assistenten|chat ?bot\\w*|chattbot\\w*|language model|språkmodellen|modellen|the model)\\s*[:,!]",
            "^\\W{0,3}(?:hey|hi|hello|hej|hei|dear|kära|kjære)?\\s*" + MACHINE + "\\s*[:,]\\s",
            "^\\W{0,3}(?:you are now|du är nu|du er nå|from now on,? you|från och med nu (?:är|ska) du|fra nå av (?:er|skal) du|"
                    + "new instructions|nya instruktioner|nye instruksjoner)\\b"), ADDRESS_FLAGS);
    /** The forms found anywhere in it: naming the reader a machine, asking for its instructions. */
    static final Pattern NAMES_MACHINE = Pattern.compile("\\b(?:you are|you're|du är|du er)\\s+(?:now\\s+|nu\\s+|nå\\s+)?"
            + "(?:an?\\s+|en\\s+|ett\\s+)?(?:helpful\\s+|hjälpsam\\s+|hjelpsom\\s+)?" + MACHINE + "\\b", ADDRESS_FLAGS);
    static final Pattern ASKS_INSTRUCTIONS = Pattern.compile("\\b(?:reveal|print|repeat|avslöja|visa|skriv ut|upprepa|vis|gjenta)\\b"
            + ".{0,30}\\b(?:your|dina|dine|din)\\s+(?:system ?prompt|instructions|instruktioner|instruksjoner|prompt)\\b", ADDRESS_FLAGS);

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");
    /** A table of contents line: "INLEDNING ..... 2". */
    private static final Pattern DOT_LEADER = Pattern.compile(".*(\\.{4,}|…{2,})\\s*\\d+\\s*$");
    /** The same phrase twice on one line, as a site's logo text and name often come out. */
    private static final Pattern DOUBLED = Pattern.compile("^(.{3,}?)\\s+\\1$");
    /** An image's alt text glued to the word before it: "mittenKarta". */
    private static final Pattern GLUED = Pattern.compile("(\\p{Ll}{2})(\\p{Lu}\\p{Ll}{2})");
    private static final Pattern MARKDOWN_EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)(\\S.*?\\S|\\S)\\1");

    private static final Pattern ROLE_MARKER = Pattern.compile(
            "^\\W{0,3}(?:[\\p{L} ]{2,20}\\s*[:>\\]]|\\[/?inst]|<\\|?im_start|<<sys>>)", Pattern.CASE_INSENSITIVE);

    private final List<Pattern> debris;

    TextCleaner(List<String> debrisPatterns) {
        this.debris = debrisPatterns.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    /**
     * The structured text ("## heading", "- item", paragraphs) without the sentences that address an assistant;
     * from a role marker ("SYSTEM: …") on, the rest of its paragraph goes too. Each removal is logged with
     * the document's name.
     */
    String withoutAddressesToAssistant(String document, String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> dropped = new ArrayList<>();
        for (String line : text.split("\n", -1)) { // one char: String.split's own loop, no pattern
            int lead = leadEnd(line);
            String body = line.substring(lead);
            if (body.isBlank()) {
                out.append(line).append('\n');
                continue;
            }
            StringBuilder kept = new StringBuilder();
            for (String sentence : sentences(body)) {
                if (addressesAssistant(sentence)) {
                    dropped.add(sentence.strip());
                    if (ROLE_MARKER.matcher(sentence).find()) {
                        break;
                    }
                    continue;
                }
                kept.append(kept.isEmpty() ? "" : " ").append(sentence.strip());
            }
            if (!kept.isEmpty()) {
                out.append(line, 0, lead).append(kept);
            }
            out.append('\n');
        }
        if (!dropped.isEmpty()) {
            log.warn("{}: text addressed to an AI assistant is left out of the index ({} sentence(s)): {}", document,
                    dropped.size(), dropped.stream().map(d -> "«" + (d.length() > 120 ? d.substring(0, 120) + "…" : d) + "»")
                            .reduce((a, b) -> a + " " + b).orElse(""));
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /**
     * Where a line's text begins after its Markdown-like lead, as {@code ^(\s*(?:#{1,6}\s+|[-*]\s+)?)} reads
     * it: white space, then a heading mark ("## ") or list mark ("- ", "* ") with the white space after it, if
     * one stands there.
     */
    static int leadEnd(String line) {
        int i = 0;
        while (i < line.length() && regexSpace(line.charAt(i))) {
            i++;
        }
        int mark = i;
        if (mark < line.length() && line.charAt(mark) == '#') {
            while (mark < line.length() && line.charAt(mark) == '#' && mark - i < 7) {
                mark++;
            }
            if (mark - i > 6) {
                return i;
            }
        } else if (mark < line.length() && (line.charAt(mark) == '-' || line.charAt(mark) == '*')) {
            mark++;
        } else {
            return i;
        }
        int after = mark;
        while (after < line.length() && regexSpace(line.charAt(after))) {
            after++;
        }
        return after > mark ? after : i;
    }

    /**
     * The text cut into sentences as {@code (?<=[.!?…])\s+(?=[\p{Lu}\p{N}"«(\[<#])} splits it: after . ! ? or …
     * and the white space that follows, where the next sentence opens with a capital letter, a digit, a quote, a
     * bracket or a heading mark; the whole text where none ends before its end.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && i + 1 < text.length()
                    && regexSpace(text.charAt(i + 1))) {
                int next = i + 1;
                while (next < text.length() && regexSpace(text.charAt(next))) {
                    next++;
                }
                if (next < text.length() && opensSentence(text.codePointAt(next))) {
                    out.add(text.substring(start, i + 1));
                    start = next;
                }
                i = next;
                continue;
            }
            i++;
        }
        out.add(text.substring(start));
        return out;
    }

    /** What {@code \s} matches in a pattern without Unicode classes: space, tab, line ends, vertical tab, form feed. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** What {@code [\p{Lu}\p{N}"«(\[<#]} matches. */
    private static boolean opensSentence(int c) {
        int type = Character.getType(c);
        return type == Character.UPPERCASE_LETTER || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER
                || c == '"' || c == '«' || c == '(' || c == '[' || c == '<' || c == '#';
    }

    /** Whether a sentence speaks to an AI assistant rather than to a reader. */
    static boolean addressesAssistant(String sentence) {
        String text = (singleSpaced(sentence) ? sentence : SPACES.matcher(sentence).replaceAll(" ")).strip();
        if (OPENS_ADDRESS.matcher(text).lookingAt()) {
            return true;
        }
        // the two patterns that may match anywhere are scanned only where a word they need stands
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.contains("you are") || lower.contains("you're") || lower.contains("du är") || lower.contains("du er"))
                && NAMES_MACHINE.matcher(text).find()
                || (lower.contains("prompt") || lower.contains("instru")) && ASKS_INSTRUCTIONS.matcher(text).find();
    }

    /** The line cleaned, or empty when nothing of it is worth keeping. */
    String clean(String line) {
        // each pattern only where a cheap look says it can match (a line is cleaned for every line of every file)
        String text = (singleSpaced(line) ? line : SPACES.matcher(line).replaceAll(" ")).strip();
        if (text.indexOf('*') >= 0 || text.indexOf('`') >= 0 || text.contains("__")) {
            text = MARKDOWN_EMPHASIS.matcher(text).replaceAll("$2");
        }
        if (mayBeGlued(text)) {
            text = GLUED.matcher(text).replaceAll("$1 $2");
        }
        if (text.isEmpty() || (text.contains("....") || text.contains("……")) && DOT_LEADER.matcher(text).matches()
                || mayBeDoubled(text) && DOUBLED.matcher(text).matches()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern pattern : debris) {
            if (pattern.matcher(lower).matches()) {
                return "";
            }
        }
        return text;
    }

    /** No run of {@link #SPACES} but single plain spaces: replacing them changes nothing. */
    static boolean singleSpaced(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' ? i + 1 < line.length() && isSpace(line.charAt(i + 1)) : isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u200B';
    }

    /** A lower-case letter followed by an upper-case one somewhere: what {@link #GLUED} needs. */
    static boolean mayBeGlued(String text) {
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (previous == Character.LOWERCASE_LETTER && Character.getType(c) == Character.UPPERCASE_LETTER) {
                return true;
            }
            previous = Character.getType(c);
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Some run of white space whose neighbours are the line's last and first characters: what {@link #DOUBLED}
     * ("X X") needs.
     */
    static boolean mayBeDoubled(String text) {
        int length = text.length();
        if (length < 7) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(length - 1);
        for (int i = 1; i < length - 1; i++) {
            if (Character.isWhitespace(text.charAt(i)) && text.charAt(i - 1) == last) {
                int j = i;
                while (j < length && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < length && text.charAt(j) == first) {
                    return true;
                }
            }
        }
        return false;
    }
}
