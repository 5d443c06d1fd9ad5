package se.fragafacket.search;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private final String code;
    private final Set<String> functionWords;
    /** Function words with å/ä/ö/æ/ø as written without them ("nar", "gor", "hvordan"): "" when none. */
    private final Set<String> foldedFunctionWords;

    Language(String code, Set<String> functionWords) {
        this.code = code;
        this.functionWords = functionWords;
        this.foldedFunctionWords = functionWords.stream().map(Spelling::fold).filter(w -> !functionWords.contains(w))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
        double sv = 0, no = 0, en = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        // written without å/ä/ö/æ/ø at all: "for" may be Swedish "för" as well as Norwegian "for"
        boolean withoutDiacritics = lower.equals(Spelling.fold(lower));
        var words = WORD.matcher(lower);
        while (words.find()) {
            String word = words.group();
            boolean svFolded = withoutDiacritics && SV.foldedFunctionWords.contains(word);
            boolean noFolded = withoutDiacritics && NO.foldedFunctionWords.contains(word);
            sv += SV.functionWords.contains(word) ? (noFolded ? 0.5 : 1) : svFolded ? 0.75 : 0;
            no += NO.functionWords.contains(word) ? (svFolded ? 0.5 : 1) : noFolded ? 0.75 : 0;
            en += EN.functionWords.contains(word) ? 1 : 0;
            // letters only one of the Scandinavian languages uses
            if (word.indexOf('ä') >= 0 || word.indexOf('ö') >= 0) {
                sv += 0.5;
            }
            if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0) {
                no += 0.5;
            }
        }
        if (en > sv && en > no) {
            return EN;
        }
        return no > sv ? NO : SV;
    }
}
