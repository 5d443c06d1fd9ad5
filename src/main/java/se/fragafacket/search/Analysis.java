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
                    "prata", "snacka", "människa", "person", "hjälp", "hjälpa", "behöver", "få", "gå", "går", "gick"),
            Language.NO, List.of("hva", "hvem", "hvilke", "hvilket", "hvilken", "hvordan", "mange", "mye", "når",
                    "hvor", "hvorfor", "finnes", "gjør", "gjøre", "gjøres", "gjort", "skal", "kan", "jeg", "meg", "man", "idag",
                    "lenge", "ofte", "stor", "stort", "heter", "ligger",
                    "innebærer", "betyr", "fortell", "vite", "vil", "noen", "noe",
                    "snakke", "menneske", "person", "hjelp", "hjelpe", "trenger", "få", "gå", "går", "gikk"),
            Language.EN, List.of("what", "who", "which", "how", "many", "much", "when", "where", "why", "does", "do",
                    "did", "can", "could", "should", "would", "i", "me", "my", "tell", "know", "want", "about",
                    "today", "there", "is", "are", "please", "long", "often", "large", "big", "called", "named", "located",
                    "have", "has", "had", "been", "being", "part", "go", "goes", "going",
                    "talk", "speak", "human", "person", "someone", "help", "need", "get"));

    private final Map<Language, Analyzer> stemming = new EnumMap<>(Language.class);
    private final Map<Language, Analyzer> stemmingQuery = new EnumMap<>(Language.class);
    private final Analyzer exact;
    private final Map<Language, CharArraySet> questionStops = new EnumMap<>(Language.class);

    public Analysis() {
        for (Language language : Language.values()) {
            questionStops.put(language, CharArraySet.unmodifiableSet(stopWords(language, true)));
            stemming.put(language, stemmer(language, stopWords(language, false)));
            stemmingQuery.put(language, stemmer(language, stopWords(language, true)));
        }
        CharArraySet all = new CharArraySet(512, true);
        for (Language language : Language.values()) {
            all.addAll(stopWords(language, true));
        }
        exact = new Analyzer() {
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

    private static CharArraySet stopWords(Language language, boolean forQuestions) {
        CharArraySet base = switch (language) {
            case SV -> SwedishAnalyzer.getDefaultStopSet();
            case NO -> NorwegianAnalyzer.getDefaultStopSet();
            case EN -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        };
        CharArraySet set = new CharArraySet(base, true);
        if (forQuestions) {
            set.addAll(QUESTION_WORDS.get(language));
        }
        return set;
    }

    /** "LOs", "ABFs": an abbreviation's genitive is the abbreviation. */
    private static final java.util.regex.Pattern ABBREVIATION_GENITIVE =
            java.util.regex.Pattern.compile("\\b(\\p{Lu}{2,})s\\b");

    private static Analyzer stemmer(Language language, CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new org.apache.lucene.analysis.pattern.PatternReplaceCharFilter(
                        ABBREVIATION_GENITIVE, "$1", reader);
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
