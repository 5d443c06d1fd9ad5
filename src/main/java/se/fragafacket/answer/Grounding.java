package se.fragafacket.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.Passage;

/**
 * Checks a model's answer against the passages it was given: the facts a member could act on — names,
 * numbers, dates, phone numbers, e-mail and web addresses — must each stand in a passage (or in what the
 * member wrote, or in the service's own instructions); and where the model cites no passage it may cite,
 * the passage the answer draws on is found by what the two share.
 */
final class Grounding {

    /** Digits, with what a number, date or phone number is written with between them ("020-56 00 56", "2,5"). */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d+(?:[.,:]\\d+)*(?:(?: ?[-–/] ?| )\\d+(?:[.,:]\\d+)*)*");
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d+");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)[\\p{L}\\d._%+-]+@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)+|https?://[^\\s)\\]]+|www\\.[^\\s)\\]]+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[:'’]\\p{L}{1,2}\\b)?");
    /** Where a sentence, a list item or a line begins: its first word is capitalised whatever it is. */
    private static final Pattern SENTENCE_START = Pattern.compile("(?:(?:^|\\R)\\s*(?:[-*•–]\\s+|\\d+[.)]\\s+)?|[.!?…]\\s+|:\\s+|[\"«(]\\s*)$");
    /** The names of the service's three languages: an answer may say which one a document is written in. */
    private static final String LANGUAGES = "Swedish Norwegian English svenska norska engelska svensk norsk engelsk svenske norske";
    /** Counts written out, so "nio" in a passage grounds a "9" in the answer. */
    private static final Map<String, String> NUMBER_WORDS = numberWords();

    private final Analysis analysis;
    private final List<Passage> passages;
    private final Set<String> numbers = new HashSet<>();
    private final Set<String> words = new HashSet<>();
    private final String known;
    private final List<Set<String>> passageTerms = new ArrayList<>();

    /**
     * @param passages the passages the model was given, numbered from 1 in this order
     * @param trusted  other text the answer may take facts from: the member's words, the earlier turns, the
     *                 service's instructions
     */
    Grounding(Analysis analysis, List<Passage> passages, List<String> trusted) {
        this.analysis = analysis;
        this.passages = List.copyOf(passages);
        StringBuilder all = new StringBuilder();
        for (Passage passage : passages) {
            all.append(passage.title()).append('\n').append(passage.headingPath()).append('\n')
                    .append(passage.text()).append('\n');
            Set<String> terms = new HashSet<>(analysis.terms(passage.title() + "\n" + passage.headingPath() + "\n"
                    + passage.text(), passage.language()));
            terms.addAll(facts(passage.headingPath() + "\n" + passage.text()));
            passageTerms.add(terms);
        }
        trusted.forEach(text -> all.append(text).append('\n'));
        all.append(LANGUAGES);
        this.known = all.toString().toLowerCase(Locale.ROOT);
        Matcher number = NUMBER.matcher(known);
        while (number.find()) {
            numbers.add(digits(number.group()));
            Matcher group = DIGIT_GROUP.matcher(number.group());
            while (group.find()) {
                numbers.add(group.group());
            }
        }
        Matcher word = WORD.matcher(known);
        while (word.find()) {
            String w = word.group();
            words.add(base(w));
            String count = NUMBER_WORDS.get(w);
            if (count != null) {
                numbers.add(count);
            }
        }
    }

    /** What the text states that no passage (nor the trusted text) holds; empty when it is all grounded. */
    List<String> unsupported(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            String found = address.group().replaceAll("[.,;:!?]+$", "");
            if (!known.contains(found.toLowerCase(Locale.ROOT))) {
                out.add(found);
            }
            for (int i = address.start(); i < address.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        String plain = rest.toString();
        Matcher number = NUMBER.matcher(plain);
        while (number.find()) {
            if (!groundedNumber(number.group())) {
                out.add(number.group().strip());
            }
        }
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            String w = word.group();
            if (w.length() > 1 && Character.isUpperCase(w.codePointAt(0))
                    && !SENTENCE_START.matcher(plain.substring(0, word.start())).find()
                    && !knownWord(w.toLowerCase(Locale.ROOT))) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The passage the text draws most on, by the rarer terms, names and numbers they share (0-based), or -1
     * when it shares none with any.
     */
    int bestPassage(String text) {
        Map<String, Integer> df = new HashMap<>();
        passageTerms.forEach(terms -> terms.forEach(t -> df.merge(t, 1, Integer::sum)));
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < passages.size(); i++) {
            Set<String> answer = new LinkedHashSet<>(analysis.terms(text, passages.get(i).language()));
            answer.addAll(facts(text));
            double score = 0;
            for (String term : answer) {
                if (passageTerms.get(i).contains(term)) {
                    score += Math.log(1 + (double) passages.size() / df.get(term));
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** The numbers (as digits) and capitalised words (lower-cased) of a text. */
    private static Set<String> facts(String text) {
        Set<String> out = new HashSet<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            out.add(digits(number.group()));
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (Character.isUpperCase(word.group().codePointAt(0))) {
                out.add(base(word.group().toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    /**
     * A number stands in the known text as written (separators aside), or as one of a written number's
     * parts; a short number of two parts ("9–12") may take each part from anywhere. A phone number must stand
     * whole.
     */
    private boolean groundedNumber(String number) {
        String digits = digits(number);
        if (numbers.contains(digits)) {
            return true;
        }
        List<String> parts = new ArrayList<>();
        Matcher group = DIGIT_GROUP.matcher(number);
        while (group.find()) {
            parts.add(group.group());
        }
        return parts.size() == 2 && digits.length() < 7 && numbers.containsAll(parts);
    }

    /** A name known as written, or inflected ("Mellansveriges", "LO:s", "Eks"). */
    private boolean knownWord(String word) {
        String base = base(word);
        if (words.contains(base) || base.endsWith("s") && words.contains(base.substring(0, base.length() - 1))) {
            return true;
        }
        if (base.length() < 4) {
            return false;
        }
        for (String known : words) {
            if (known.length() >= 4 && Math.abs(known.length() - base.length()) <= 3
                    && (known.startsWith(base) || base.startsWith(known))) {
                return true;
            }
        }
        return false;
    }

    /** Without a genitive ending: "lo:s" → "lo". */
    private static String base(String word) {
        return word.replaceFirst("[:'’]\\p{L}{1,2}$", "");
    }

    private static String digits(String number) {
        return number.replaceAll("[^\\d.,]", "").replaceAll("[.,]$", "");
    }

    private static Map<String, String> numberWords() {
        String[][] words = {
                {"noll", "null", "zero"}, {"en", "ett", "ein", "one"}, {"två", "to", "two"}, {"tre", "three"},
                {"fyra", "fire", "four"}, {"fem", "five"}, {"sex", "seks", "six"}, {"sju", "sju", "seven"},
                {"åtta", "åtte", "eight"}, {"nio", "ni", "nine"}, {"tio", "ti", "ten"}, {"elva", "elleve", "eleven"},
                {"tolv", "twelve"}, {"tretton", "tretten", "thirteen"}, {"fjorton", "fjorten", "fourteen"},
                {"femton", "femten", "fifteen"}, {"sexton", "seksten", "sixteen"}, {"sjutton", "sytten", "seventeen"},
                {"arton", "atten", "eighteen"}, {"nitton", "nitten", "nineteen"}, {"tjugo", "tjue", "twenty"}};
        Map<String, String> out = new HashMap<>();
        for (int n = 0; n < words.length; n++) {
            for (String word : words[n]) {
                out.put(word, Integer.toString(n));
            }
        }
        return out;
    }
}
