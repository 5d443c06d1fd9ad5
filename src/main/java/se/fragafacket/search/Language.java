package se.fragafacket.search;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The languages the service reads and answers in. Detection counts function words, which works on a
 * one-line question where character n-gram models guess wildly between Swedish and Norwegian.
 */
public enum Language {
    SV("sv", Set.of("och", "att", "det", "som", "är", "för", "på", "med", "av", "till", "inte", "jag", "vad", "vem",
            "hur", "vilka", "vilket", "vilken", "när", "många", "mycket", "ska", "kan", "finns", "har", "en", "ett",
            "de", "dem", "var", "sin", "sina", "också", "eller", "om", "från", "mig", "min", "vår", "hos", "varför",
            "gör", "detta", "någon", "inom", "under", "efter", "mellan", "bara", "får")),
    NO("no", Set.of("og", "å", "det", "som", "er", "for", "på", "med", "av", "til", "ikke", "jeg", "hva", "hvem",
            "hvordan", "hvilke", "hvilken", "når", "mange", "mye", "skal", "kan", "finnes", "har", "en", "et", "de",
            "dem", "var", "sin", "sine", "også", "eller", "om", "fra", "meg", "min", "vår", "hos", "hvorfor", "gjør",
            "dette", "noen", "innen", "under", "etter", "mellom", "bare", "får", "hvor", "våre", "deres")),
    // no "i": it is also the Swedish and Norwegian "in"
    EN("en", Set.of("and", "to", "the", "it", "that", "is", "for", "on", "with", "of", "not", "what", "who",
            "how", "which", "when", "many", "much", "shall", "can", "are", "has", "have", "a", "an", "they", "them",
            "was", "their", "also", "or", "if", "from", "me", "my", "our", "in", "at", "why", "does", "do", "this",
            "any", "within", "after", "between", "only", "where", "union", "members"));

    private final String code;
    private final Set<String> ownWords;

    Language(String code, Set<String> functionWords) {
        this.code = code;
        this.ownWords = functionWords;
    }

    /**
     * Each language's function words: the list above, and Snowball's stop words for it that neither other
     * language's Snowball list holds ("vil", "hvilke", "deg" tell Norwegian; "dig", "vilket", "ju" Swedish). A
     * word all lists share ("de", "i") tells nothing, and is counted for each alike where it is in the list above.
     */
    private static final class FunctionWords {
        static final Map<Language, Set<String>> WORDS = new EnumMap<>(Language.class);
        /** Function words with å/ä/ö/æ/ø as written without them ("nar", "gor", "hvordan"). */
        static final Map<Language, Set<String>> FOLDED = new EnumMap<>(Language.class);

        static {
            Map<Language, Set<String>> snowball = new EnumMap<>(Language.class);
            snowball.put(SV, snowball("swedish_stop.txt"));
            snowball.put(NO, snowball("norwegian_stop.txt"));
            snowball.put(EN, snowball("english_stop.txt"));
            for (Language language : values()) {
                Set<String> words = new HashSet<>(language.ownWords);
                for (String word : snowball.get(language)) {
                    if (snowball.entrySet().stream().noneMatch(e -> e.getKey() != language && e.getValue().contains(word))) {
                        words.add(word);
                    }
                }
                WORDS.put(language, Set.copyOf(words));
                FOLDED.put(language, words.stream().map(Spelling::fold).filter(w -> !words.contains(w))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
            }
        }

        private static Set<String> snowball(String file) {
            Set<String> words = new HashSet<>();
            Analysis.snowballStopWords(file).forEach(word -> words.add(new String((char[]) word)));
            return words;
        }
    }

    /**
     * Whether words of one language reach a text in the other only through translation: English and Swedish or
     * Norwegian. Swedish and Norwegian share most words of working life, and names are spelled alike.
     */
    public static boolean translatedBetween(Language a, Language b) {
        return a != b && (a == EN || b == EN);
    }

    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        return SV;
    }

    /** Best guess of the language of a text; Swedish when nothing tells. */
    public static Language detect(String text) {
        return detect(text, Vocabulary.NONE);
    }

    /** Which languages' general dictionaries know a word as written in lower case. */
    @FunctionalInterface
    public interface Vocabulary {
        Vocabulary NONE = (word, language) -> false;

        boolean knows(String word, Language language);
    }

    /**
     * The same, where function words alone may not tell ("Har LO-kontoret i Skåne åpent på fredager?" holds only
     * words both Scandinavian languages use): a word of the writer's own that exactly one language's dictionary
     * knows ("åpent", "fredager"; "ingår"; "secretary") counts for that language, half as much as a function word.
     */
    public static Language detect(String text, Vocabulary vocabulary) {
        double sv = 0, no = 0, en = 0;
        // written without å/ä/ö/æ/ø at all: "for" may be Swedish "för" as well as Norwegian "for"
        boolean withoutDiacritics = !foldable(text);
        Set<String> svWords = FunctionWords.WORDS.get(SV), noWords = FunctionWords.WORDS.get(NO);
        Set<String> enWords = FunctionWords.WORDS.get(EN);
        Set<String> svFoldedWords = FunctionWords.FOLDED.get(SV), noFoldedWords = FunctionWords.FOLDED.get(NO);
        for (String written : words(text)) {
            String word = written.toLowerCase(Locale.ROOT);
            boolean svFolded = withoutDiacritics && svFoldedWords.contains(word);
            boolean noFolded = withoutDiacritics && noFoldedWords.contains(word);
            boolean sw = svWords.contains(word), nw = noWords.contains(word), ew = enWords.contains(word);
            sv += sw ? (noFolded ? 0.5 : 1) : svFolded ? 0.75 : 0;
            no += nw ? (svFolded ? 0.5 : 1) : noFolded ? 0.75 : 0;
            en += ew ? 1 : 0;
            // a name keeps its owners' spelling ("Arbetsförmedlingen", "Østfold" asked about in the other
            // language): only words of the writer's own tell by their letters or their dictionary
            if (!written.equals(word)) {
                continue;
            }
            if (word.indexOf('ä') >= 0 || word.indexOf('ö') >= 0) {
                sv += 0.5;
            }
            if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0) {
                no += 0.5;
            }
            if (vocabulary != Vocabulary.NONE && word.length() >= 3 && !sw && !nw && !ew && !svFolded && !noFolded) {
                boolean s = vocabulary.knows(word, SV), n = vocabulary.knows(word, NO), e = vocabulary.knows(word, EN);
                if (s && !n && !e) {
                    sv += 0.5;
                } else if (n && !s && !e) {
                    no += 0.5;
                } else if (e && !s && !n) {
                    en += 0.5;
                }
            }
        }
        if (en > sv && en > no) {
            return EN;
        }
        return no > sv ? NO : SV;
    }

    /** Whether {@link Spelling#fold} changes the text: it holds å/ä/ö/æ/ø or an accented a, o or e, in any case. */
    static boolean foldable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // every letter folding changes lies above 0xC0, so most characters are passed by one comparison
            if (c >= 0xC0 && Spelling.fold(Character.toLowerCase(c)) != Character.toLowerCase(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words {@link #detect} counts, in order: runs of letters, a hyphenated word as one ("a-kassan" holds no
     * English "a"), as the pattern {@code \p{L}+(?:-\p{L}+)*} finds them.
     */
    static java.util.List<String> words(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int at = nextWord(text, 0); at < text.length(); at = nextWord(text, at)) {
            int end = wordEnd(text, at);
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }

    /** Where the next word begins (its first letter), at or after {@code from}; the text's length if none. */
    private static int nextWord(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isLetter(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return Math.min(i, text.length());
    }

    /** Where the word beginning at {@code start} ends: letters, and hyphens with letters after them ("a-kassan"). */
    private static int wordEnd(String text, int start) {
        int i = start;
        while (true) {
            while (i < text.length() && Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i + 1 < text.length() && text.charAt(i) == '-' && Character.isLetter(text.codePointAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
    }
}
