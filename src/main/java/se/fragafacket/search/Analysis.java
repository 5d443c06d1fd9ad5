package se.fragafacket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishMinimalStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The text analysis shared by indexing and querying: a stemming analyzer per language, and an
 * "exact" analyzer that keeps names and numbers as written (lower-cased). Swedish runs the minimal stemmer
 * before Snowball, which alone leaves the definite "-et" ("facket", "distriktet", "höstmötet").
 */
public final class Analysis {

    /** Question words and fillers that say what kind of answer is wanted, not what it is about. */
    private static final Map<Language, List<String>> QUESTION_WORDS = Map.of(
            Language.SV, List.of("vad", "vem", "vilka", "vilket", "vilken", "hur", "många", "mycket", "när", "var",
                    "varför", "finns", "gör", "göra", "görs", "göras", "gjort", "gjorde", "ska", "skall", "kan", "jag", "mig",
                    "man", "idag", "själv", "får", "fick", "fått", "länge", "ofta", "stor", "stort", "stora",
                    "heter", "hette", "ligger", "menas", "egentligen",
                    "innebär", "betyder", "berätta", "veta", "vill", "någon", "några", "något", "eller",
                    // words for reaching someone, which say nothing of the topic
                    "prata", "snacka", "människa", "person", "hjälp", "hjälpa", "behöver", "få", "gå", "går", "gick",
                    // modal verbs, as English Snowball lists "should" and "must", and whom a claim is according to
                    "bör", "borde", "måste", "enligt",
                    // prepositions and indefinite pronouns Snowball's list lacks: closed classes, never the topic ("per" is
                    // left out: it is also a name, "Per Ek")
                    "hos", "bland", "genom", "kring", "trots", "via", "inför", "förutom", "någonting", "nåt", "nånting"),
            Language.NO, List.of("hva", "hvem", "hvilke", "hvilket", "hvilken", "hvordan", "mange", "mye", "når",
                    "hvor", "hvorfor", "finnes", "gjør", "gjøre", "gjøres", "gjort", "skal", "kan", "jeg", "meg", "man", "idag",
                    "lenge", "ofte", "stor", "stort", "heter", "ligger",
                    "innebærer", "betyr", "fortell", "vite", "vil", "noen", "noe",
                    "snakke", "menneske", "person", "hjelp", "hjelpe", "trenger", "få", "gå", "går", "gikk",
                    "bør", "burde", "må", "måtte", "ifølge",
                    "hos", "blant", "gjennom", "rundt", "tross", "via", "foran", "utenom", "noenting"),
            Language.EN, List.of("what", "who", "which", "how", "many", "much", "when", "where", "why", "does", "do",
                    "did", "can", "could", "should", "would", "i", "me", "my", "tell", "know", "want", "about",
                    "today", "there", "is", "are", "please", "long", "often", "large", "big", "called", "named", "located",
                    "have", "has", "had", "been", "being", "part", "go", "goes", "going",
                    "talk", "speak", "human", "person", "someone", "help", "need", "get", "must", "according",
                    "among", "via", "despite", "anything", "something", "anyone", "anybody", "somebody",
                    "everything", "everyone"));

    private final Map<Language, Analyzer> stemming = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> stemmingQuery = new EnumMap<>(Language.class);
    private final Analyzer exact;
    private final Map<Language, CharArraySet> questionStops = new EnumMap<>(Language.class);
    private final Map<Language, CharArraySet> indexStops = new EnumMap<>(Language.class);
    private final CharArraySet allStops;
    /**
     * Word (lower case) → its stem, per language: the vocabulary repeats far more than it grows. Bounded, so
     * memory does not grow with a knowledge base's vocabulary.
     */
    private final Map<Language, BoundedCache<String, String>> stems = new EnumMap<>(Language.class);
    /** Entries per generation of each cache (each holds at most twice this many). */
    static final int CACHE_GENERATION = 50_000;
    /** A passage word as written → all it gives each field, per language and dictionary (see {@link #wordOf}). */
    private volatile WordCaches words;
    private final int cacheGeneration;
    private static final ThreadLocal<StandardTokenizer> TOKENIZER = ThreadLocal.withInitial(StandardTokenizer::new);

    public Analysis() {
        this(CACHE_GENERATION);
    }

    /** @param cacheGeneration entries per generation of the word and stem caches (see {@link BoundedCache}) */
    Analysis(int cacheGeneration) {
        this.cacheGeneration = cacheGeneration;
        for (Language language : Language.values()) {
            questionStops.put(language, CharArraySet.unmodifiableSet(stopWords(language, true)));
            indexStops.put(language, CharArraySet.unmodifiableSet(stopWords(language, false)));
            stems.put(language, new BoundedCache<>(cacheGeneration, word -> stem(word, language)));
            stemming.put(language, stemmer(language, stopWords(language, false)));
            stemmingQuery.put(language, stemmer(language, stopWords(language, true)));
        }
        CharArraySet all = new CharArraySet(512, true);
        for (Language language : Language.values()) {
            all.addAll(stopWords(language, true));
        }
        allStops = CharArraySet.unmodifiableSet(all);
        exact = new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(POSSESSIVE, "", reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), all));
            }
        };
    }

    /** The words a question in {@code language} is not searched for: stop words and question words (lower case). */
    public CharArraySet questionStopWords(Language language) {
        return questionStops.get(language);
    }

    /** The analyzer that indexes text written in {@code language}. */
    public Analyzer indexAnalyzer(Language language) {
        return stemming.get(language);
    }

    public Analyzer exactAnalyzer() {
        return exact;
    }

    /** Stemmed terms of a text as the index holds them (stop words removed). */
    public List<String> terms(String text, Language language) {
        return tokens(stemming.get(language), text);
    }

    /** Stemmed content terms of a question: also without question words such as "vem" or "hur många". */
    public List<String> queryTerms(String text, Language language) {
        return tokens(stemmingQuery.get(language), text);
    }

    /** Lower-cased, unstemmed content words of a question (names, numbers). */
    public List<String> exactTerms(String text) {
        return tokens(exact, text);
    }

    /**
     * A run of terms with their position increments, ready to be indexed as a field (a stop word removed
     * leaves its gap, as Lucene's {@code StopFilter} does).
     */
    public record Tokens(String[] terms, int[] increments) {
        /** Terms one after another, each at its own position. */
        public static Tokens inSequence(java.util.Collection<String> terms) {
            int[] increments = new int[terms.size()];
            java.util.Arrays.fill(increments, 1);
            return new Tokens(terms.toArray(String[]::new), increments);
        }

        public List<String> list() {
            return List.of(terms);
        }

        /** A fresh stream replaying the terms, for a {@code Field} built from a token stream. */
        public TokenStream stream() {
            return new Replay(this);
        }
    }

    /**
     * A passage's terms for every field it is searched by, the text tokenized once:
     *
     * @param body    stems of the text ({@link #terms}, language's {@link #indexAnalyzer})
     * @param heading stems of the heading path
     * @param lemmas  of heading and text, the stems of each word's dictionary forms — its lemma, and a
     *                compound's parts ({@link Lexicon#morphemes}) — at the word's position; empty without a
     *                dictionary for the language
     * @param exact   heading and text as {@link #exactTerms}: lower case, unstemmed
     * @param folded  those words folded ({@link Spelling#fold})
     */
    public record IndexedPassage(Tokens body, Tokens heading, Tokens lemmas, Tokens exact, Tokens folded) {
    }

    /**
     * Analyses a passage for indexing in one pass over its words: the same terms the language's index
     * analyzer, the exact analyzer and folding give one by one (each word's stem looked up once per process).
     */
    public IndexedPassage indexPassage(String headingPath, String text, Language language, Lexicon lexicon) {
        List<String> headingWords = words(headingPath);
        List<String> textWords = words(text);
        Builder heading = new Builder(headingWords.size());
        Builder body = new Builder(textWords.size());
        Builder lemmas = new Builder(headingWords.size() + textWords.size());
        Builder exactTerms = new Builder(headingWords.size() + textWords.size());
        Builder folded = new Builder(headingWords.size() + textWords.size());
        BoundedCache<String, Word> cache = wordCache(language, lexicon);
        for (int part = 0; part < 2; part++) {
            List<String> words = part == 0 ? headingWords : textWords;
            Builder stemmed = part == 0 ? heading : body;
            for (String written : words) {
                Word word = cache.get(written);
                if (word.exact() == null) {
                    exactTerms.skip();
                    folded.skip();
                } else {
                    exactTerms.add(word.exact());
                    folded.add(word.folded());
                }
                if (word.stem() == null) {
                    stemmed.skip();
                    lemmas.skip();
                    continue;
                }
                stemmed.add(word.stem());
                if (word.lemmas().length == 0) {
                    lemmas.skip();
                    continue;
                }
                lemmas.add(word.lemmas()[0]);
                for (int i = 1; i < word.lemmas().length; i++) {
                    lemmas.stack(word.lemmas()[i]);
                }
            }
        }
        return new IndexedPassage(body.build(), heading.build(), lemmas.build(), exactTerms.build(), folded.build());
    }

    /**
     * What one word as written gives a passage's fields in a language: its exact term and folding (null for a stop
     * word of any language), its stem (null for a stop word of the language or none), and the stems of its
     * dictionary forms ({@link Lexicon#morphemes}), the first at the word's position and the rest stacked on it.
     */
    record Word(String exact, String folded, String stem, String[] lemmas) {
    }

    /** The caches of {@link Word}s for the dictionaries last indexed with (another lexicon starts them afresh). */
    private record WordCaches(Lexicon lexicon, Map<Language, BoundedCache<String, Word>> byLanguage) {
    }

    private BoundedCache<String, Word> wordCache(Language language, Lexicon lexicon) {
        WordCaches caches = words;
        if (caches == null || caches.lexicon() != lexicon) {
            synchronized (this) {
                caches = words;
                if (caches == null || caches.lexicon() != lexicon) {
                    Map<Language, BoundedCache<String, Word>> byLanguage = new EnumMap<>(Language.class);
                    for (Language each : Language.values()) {
                        byLanguage.put(each, new BoundedCache<>(cacheGeneration, word -> wordOf(word, each, lexicon)));
                    }
                    words = caches = new WordCaches(lexicon, byLanguage);
                }
            }
        }
        return caches.byLanguage().get(language);
    }

    /** Cached entries of passage words, all languages (for tests of the bound). */
    int cachedWords() {
        WordCaches caches = words;
        return caches == null ? 0 : caches.byLanguage().values().stream().mapToInt(BoundedCache::size).sum();
    }

    /** Cached stems, all languages (for tests of the bound). */
    int cachedStems() {
        return stems.values().stream().mapToInt(BoundedCache::size).sum();
    }

    private Word wordOf(String written, Language language, Lexicon lexicon) {
        String lower = lowerCase(written);
        boolean stopAnywhere = allStops.contains(lower);
        String exactTerm = stopAnywhere ? null : lower;
        String foldedTerm = stopAnywhere ? null : Spelling.fold(lower);
        String base = base(written, lower);
        String stem = indexStops.get(language).contains(base) ? null : stemOf(base, language);
        if (stem == null || stem.isEmpty()) {
            return new Word(exactTerm, foldedTerm, null, NONE);
        }
        if (lexicon == null || !lexicon.installed(language)) {
            return new Word(exactTerm, foldedTerm, stem, NONE);
        }
        List<String> forms = new ArrayList<>(2);
        for (String form : lexicon.morphemes(base, language)) {
            String formStem = stemOf(form, language);
            if (!formStem.isEmpty()) {
                forms.add(formStem);
            }
        }
        return new Word(exactTerm, foldedTerm, stem, forms.isEmpty() ? NONE : forms.toArray(String[]::new));
    }

    private static final String[] NONE = new String[0];

    /**
     * The stems of a question word's lemmas ({@link Lexicon#lemmas}: a compound whole, not its parts), by the
     * word's own stem, for the question's content words; empty without a dictionary.
     */
    public Map<String, List<String>> lemmaTerms(String text, Language language, Lexicon lexicon) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        if (lexicon == null || !lexicon.installed(language)) {
            return out;
        }
        CharArraySet stop = questionStops.get(language);
        for (String word : words(text)) {
            String lower = lowerCase(word);
            String base = base(word, lower);
            if (stop.contains(base)) {
                continue;
            }
            String stem = stemOf(base, language);
            if (!stem.isEmpty()) {
                List<String> lemmas = lemmaStems(lexicon.lemmas(base, language), language);
                if (!lemmas.isEmpty()) {
                    out.computeIfAbsent(stem, k -> new ArrayList<>()).addAll(lemmas);
                }
            }
        }
        return out;
    }

    private List<String> lemmaStems(List<String> forms, Language language) {
        List<String> out = new ArrayList<>();
        for (String form : forms) {
            String stem = stemOf(form, language);
            if (!stem.isEmpty() && !out.contains(stem)) {
                out.add(stem);
            }
        }
        return out;
    }

    /** A word as stemmed: lower case, an abbreviation's genitive ("LOs") without its s. */
    private static String base(String word, String lower) {
        if (lower.endsWith("'s") || lower.endsWith("’s")) {
            return lower.substring(0, lower.length() - 2); // "Vestoppland's"
        }
        return ABBREVIATION_GENITIVE_WORD.matcher(word).matches() ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** {@link #stem}, looked up once per word and language in this process. */
    private String stemOf(String word, Language language) {
        return stems.get(language).get(word);
    }

    /** The stem of one lower-cased word as the index analyzer makes it; "" for a stop word. */
    private String stem(String word, Language language) {
        List<String> out = tokens(stemming.get(language), word);
        return out.size() == 1 ? out.get(0) : out.isEmpty() ? "" : String.join("", out);
    }

    /** The words of a text as Lucene's {@code StandardTokenizer} cuts them, as written. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StandardTokenizer tokenizer = TOKENIZER.get();
        try {
            tokenizer.setReader(new java.io.StringReader(text));
            CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // a string reader does not fail to close
            }
        }
        return out;
    }

    /** Lower case as Lucene's {@code LowerCaseFilter} makes it: code point by code point. */
    private static String lowerCase(String word) {
        boolean lower = true;
        for (int i = 0; i < word.length() && lower; i++) {
            char c = word.charAt(i);
            lower = Character.isLowerCase(c) || !Character.isLetter(c) && !Character.isSurrogate(c);
        }
        if (lower) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    private static final class Builder {
        private final List<String> terms;
        private final List<Integer> increments;
        private int gap = 1;

        Builder(int size) {
            terms = new ArrayList<>(size);
            increments = new ArrayList<>(size);
        }

        void add(String term) {
            terms.add(term);
            increments.add(gap);
            gap = 1;
        }

        /** Another term at the position of the last one. */
        void stack(String term) {
            terms.add(term);
            increments.add(0);
        }

        void skip() {
            gap++;
        }

        Tokens build() {
            return new Tokens(terms.toArray(String[]::new), increments.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static final class Replay extends TokenStream {
        private final Tokens tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment =
                addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
        private int next;

        Replay(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.terms().length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms()[next]);
            increment.setPositionIncrement(tokens.increments()[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * English stop words as Snowball lists them, like Swedish' and Norwegian's defaults (Lucene's English default
     * has only 33: "does", "you", "our", "from" would otherwise weigh as ideas of a question).
     */
    private static final CharArraySet ENGLISH_STOP_WORDS = englishStopWords();

    private static CharArraySet englishStopWords() {
        CharArraySet set = new CharArraySet(snowballStopWords("english_stop.txt"), true);
        set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return CharArraySet.unmodifiableSet(set);
    }

    /** One of Snowball's stop word lists shipped in Lucene ("swedish_stop.txt"), as written there. */
    static CharArraySet snowballStopWords(String file) {
        try (var reader = org.apache.lucene.util.IOUtils.getDecodingReader(java.util.Objects.requireNonNull(
                SnowballFilter.class.getResourceAsStream(file), file), java.nio.charset.StandardCharsets.UTF_8)) {
            return org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharArraySet stopWords(Language language, boolean forQuestions) {
        CharArraySet base = switch (language) {
            case SV -> SwedishAnalyzer.getDefaultStopSet();
            case NO -> NorwegianAnalyzer.getDefaultStopSet();
            case EN -> ENGLISH_STOP_WORDS;
        };
        CharArraySet set = new CharArraySet(base, true);
        if (forQuestions) {
            set.addAll(QUESTION_WORDS.get(language));
        }
        return set;
    }

    /** An English possessive: "Vestoppland's" is Vestoppland, "LO’s" is LO. */
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("(?<=\\p{L})['’]s\\b");

    /** "LOs", "ABFs": an abbreviation's genitive is the abbreviation. */
    private static final java.util.regex.Pattern ABBREVIATION_GENITIVE =
            java.util.regex.Pattern.compile("\\b(\\p{Lu}{2,})s\\b");
    /** The same, for one word as the tokenizer cut it. */
    private static final java.util.regex.Pattern ABBREVIATION_GENITIVE_WORD =
            java.util.regex.Pattern.compile("\\p{Lu}{2,}s");

    private static Analyzer stemmer(Language language, CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(ABBREVIATION_GENITIVE, "$1",
                        new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(POSSESSIVE, "", reader));
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stop);
                stream = switch (language) {
                    case SV -> new SnowballFilter(new SwedishMinimalStemFilter(stream), new SwedishStemmer());
                    case NO -> new SnowballFilter(stream, new NorwegianStemmer());
                    case EN -> new PorterStemFilter(new EnglishPossessiveFilter(stream));
                };
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
