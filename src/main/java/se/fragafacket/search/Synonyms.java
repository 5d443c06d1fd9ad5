package se.fragafacket.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Words that mean the same, in Solr's synonym format (Lucene's {@link SolrSynonymParser}): "{@code a, b, c}"
 * makes each of them find the others, "{@code a, b => c}" makes a and b find c. Lines may mix Swedish,
 * Norwegian and English, so a question in one language finds passages written in another. A line whose
 * words are written with a capital ("Västsverige, Vestsverige, Western Sweden") names a place or an
 * organisation: it says whose documents are meant.
 *
 * <p>The rules are compiled into one {@link SynonymMap} per question language, its inputs being that
 * language's stems (so "medlemmarna" finds the rule of "medlem"), its outputs the rule's words as written;
 * a question is run through the language's analysis and Lucene's {@link SynonymGraphFilter} (longest match
 * first, multi-word rules included), and each match says which question stems it covers and the words they
 * may be found by. {@link KnowledgeIndex} stems those words in each passage language.
 */
public final class Synonyms {

    /**
     * A rule the question touched.
     *
     * @param coveredStems the question's stems (in its language's analysis) the match spans
     * @param words        the words they may be found by, as written in the rules (lower case)
     * @param name         the rule names a place or an organisation (written capitalised)
     * @param general      from a general dictionary, not the organisation's own list
     * @param weak         a guess (the thesaurus' synonyms of a word the documents do not hold): it weighs less
     */
    public record Match(Set<String> coveredStems, List<String> words, boolean name, boolean general, boolean weak) {
    }

    /** A rule's input and one of its outputs, as written. */
    record Pair(String input, String output) {
    }

    /** Output token of the maps: a phrase as written, its first character '^' when it is a name. */
    private static final char NAME = '^';

    private final boolean general;
    private final Map<Language, Analyzer> matchers = new EnumMap<>(Language.class);
    private final Map<Language, SynonymMap> maps;
    private final int rules;

    private Synonyms(Analysis analysis, List<Pair> pairs, boolean general, Set<Language> languages) {
        this(analysis, maps(analysis, pairs, languages), general, pairs.size());
    }

    /** Rules already compiled (as {@link #write} wrote them). */
    private Synonyms(Analysis analysis, Map<Language, SynonymMap> maps, boolean general, int rules) {
        this.general = general;
        this.maps = maps;
        for (var entry : maps.entrySet()) {
            SynonymMap map = entry.getValue();
            // the language's analysis with the rules' SynonymGraphFilter at its end
            matchers.put(entry.getKey(), new FilteringAnalyzer(analysis.indexAnalyzer(entry.getKey()),
                    tokens -> new SynonymGraphFilter(tokens, map, true)));
        }
        this.rules = rules;
    }

    private static Map<Language, SynonymMap> maps(Analysis analysis, List<Pair> pairs, Set<Language> languages) {
        Map<Language, SynonymMap> maps = new EnumMap<>(Language.class);
        for (Language language : languages) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            CharsRefBuilder scratch = new CharsRefBuilder();
            Map<String, List<String>> stemsOf = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                List<String> stems = stemsOf.computeIfAbsent(pair.input(), in -> analysis.terms(in, language));
                if (stems.isEmpty()) {
                    continue; // only stop words in this language
                }
                builder.add(SynonymMap.Builder.join(stems.toArray(String[]::new), scratch),
                        new CharsRef(output(pair.output())), true);
            }
            try {
                SynonymMap map = builder.build();
                if (map.fst != null) {
                    maps.put(language, map);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return maps;
    }

    /** The compiled rules (each language's FST and output words), for {@link ResourceCache}. */
    void write(java.io.DataOutputStream out) throws IOException {
        out.writeBoolean(general);
        out.writeInt(rules);
        out.writeInt(maps.size());
        org.apache.lucene.store.DataOutput data = new org.apache.lucene.store.OutputStreamDataOutput(out);
        for (var entry : maps.entrySet()) {
            SynonymMap map = entry.getValue();
            out.writeUTF(entry.getKey().name());
            out.writeInt(map.maxHorizontalContext);
            out.writeInt(map.words.size());
            org.apache.lucene.util.BytesRef word = new org.apache.lucene.util.BytesRef();
            for (int i = 0; i < map.words.size(); i++) {
                map.words.get(i, word);
                out.writeInt(word.length);
                out.write(word.bytes, word.offset, word.length);
            }
            map.fst.save(data, data);
        }
    }

    /** Rules written by {@link #write}, analysed by {@code analysis}. */
    static Synonyms read(Analysis analysis, java.io.DataInputStream in) throws IOException {
        boolean general = in.readBoolean();
        int rules = in.readInt();
        int languages = in.readInt();
        org.apache.lucene.store.DataInput data = new org.apache.lucene.store.InputStreamDataInput(in);
        Map<Language, SynonymMap> maps = new EnumMap<>(Language.class);
        for (int l = 0; l < languages; l++) {
            Language language = Language.valueOf(in.readUTF());
            int maxHorizontalContext = in.readInt();
            int count = in.readInt();
            org.apache.lucene.util.BytesRefHash words = new org.apache.lucene.util.BytesRefHash();
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                if (words.add(new org.apache.lucene.util.BytesRef(bytes)) != i) {
                    throw new IOException("an output word is repeated");
                }
            }
            var outputs = org.apache.lucene.util.fst.ByteSequenceOutputs.getSingleton();
            var fst = new org.apache.lucene.util.fst.FST<>(org.apache.lucene.util.fst.FST.readMetadata(data, outputs), data);
            maps.put(language, new SynonymMap(fst, words, maxHorizontalContext));
        }
        return new Synonyms(analysis, maps, general, rules);
    }

    /** No rules: nothing matches. */
    public static Synonyms none(Analysis analysis) {
        return new Synonyms(analysis, List.of(), false, Set.of());
    }

    /**
     * The organisation's rules from a Solr-format text.
     *
     * @throws InvalidSynonymsException with the line and the reason when a line cannot be read
     */
    public static Synonyms parse(Analysis analysis, String text) {
        return new Synonyms(analysis, pairs(text), false, Set.of(Language.values()));
    }

    /** Rules of a general dictionary (Solr format), applied to questions in {@code language} only. */
    public static Synonyms general(Analysis analysis, String text, Language language) {
        return new Synonyms(analysis, pairs(text), true, Set.of(language));
    }

    /** How many input–output pairs the rules expand to. */
    public int size() {
        return rules;
    }

    /**
     * Checks a Solr-format text and gives its input–output pairs as written.
     *
     * @throws InvalidSynonymsException with the line and the reason when a line cannot be read
     */
    static List<Pair> pairs(String text) {
        List<Pair> pairs = new ArrayList<>();
        // the words as written (capitals tell names), split as the index splits them
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source);
            }
        };
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words) {
            @Override
            public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                pairs.add(new Pair(input.toString().replace(SynonymMap.WORD_SEPARATOR, ' '),
                        output.toString().replace(SynonymMap.WORD_SEPARATOR, ' ')));
            }
        };
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                parser.parse(new StringReader(line));
            } catch (ParseException | IllegalArgumentException e) {
                Throwable why = e.getCause() != null ? e.getCause() : e;
                throw new InvalidSynonymsException(i + 1, line, reason(why));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        words.close();
        return pairs;
    }

    private static String reason(Throwable why) {
        String message = why.getMessage() == null ? why.toString() : why.getMessage();
        if (message.contains("zero-length")) {
            return "a word is empty (two commas in a row, or a comma at the end?)";
        }
        if (message.contains("more than one explicit mapping")) {
            return "more than one \"=>\" on the line";
        }
        return message;
    }

    private static String output(String asWritten) {
        boolean name = !asWritten.isEmpty() && Character.isUpperCase(asWritten.charAt(0));
        String lower = asWritten.toLowerCase(java.util.Locale.ROOT);
        return name ? NAME + lower : lower;
    }

    /**
     * The rules a question (in {@code language}) touches, in the order of the question, each with the stems
     * it covers; where rules overlap the longest wins, as {@link SynonymGraphFilter} matches.
     */
    public List<Match> matches(String text, Language language) {
        Analyzer matcher = matchers.get(language);
        if (matcher == null) {
            return List.of();
        }
        // one pass: the filter keeps the question's own stems (with where they stand in the text) among its outputs
        List<int[]> offsets = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        Map<Long, Set<String>> outputs = new LinkedHashMap<>();
        try (TokenStream stream = matcher.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    long span = ((long) offset.startOffset() << 32) | offset.endOffset();
                    outputs.computeIfAbsent(span, k -> new LinkedHashSet<>()).add(term.toString());
                } else {
                    stems.add(term.toString());
                    offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Match> out = new ArrayList<>();
        for (var entry : outputs.entrySet()) {
            int start = (int) (entry.getKey() >>> 32);
            int end = (int) (long) entry.getKey();
            Set<String> covered = new LinkedHashSet<>();
            for (int i = 0; i < stems.size(); i++) {
                if (offsets.get(i)[0] >= start && offsets.get(i)[1] <= end) {
                    covered.add(stems.get(i));
                }
            }
            boolean name = false;
            // the question's own words first: in every language's stems they find what they find as written
            List<String> words = new ArrayList<>();
            words.add(text.substring(start, end).toLowerCase(java.util.Locale.ROOT));
            for (String output : entry.getValue()) {
                name |= output.charAt(0) == NAME;
                String word = output.charAt(0) == NAME ? output.substring(1) : output;
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
            if (!covered.isEmpty()) {
                out.add(new Match(Set.copyOf(covered), List.copyOf(words), name, general, false));
            }
        }
        return oneIdeaPerRule(out);
    }

    /**
     * Two words of one rule in a question ("vem ringer jag, vilket nummer") are one idea, not two: matches
     * whose words are mostly the same rule's are joined.
     */
    private static List<Match> oneIdeaPerRule(List<Match> matches) {
        List<Match> out = new ArrayList<>();
        for (Match match : matches) {
            int same = -1;
            for (int i = 0; i < out.size() && same < 0; i++) {
                Set<String> shared = new LinkedHashSet<>(out.get(i).words());
                shared.retainAll(match.words());
                if (shared.size() >= 2 && 2 * shared.size() >= Math.min(out.get(i).words().size(), match.words().size())) {
                    same = i;
                }
            }
            if (same < 0) {
                out.add(match);
                continue;
            }
            Match other = out.get(same);
            Set<String> covered = new LinkedHashSet<>(other.coveredStems());
            covered.addAll(match.coveredStems());
            Set<String> words = new LinkedHashSet<>(other.words());
            words.addAll(match.words());
            out.set(same, new Match(Set.copyOf(covered), List.copyOf(words), other.name() || match.name(), other.general(), false));
        }
        return out;
    }
}
