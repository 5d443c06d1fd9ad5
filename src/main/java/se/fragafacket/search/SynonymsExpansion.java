package se.fragafacket.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a question's words may also be found by, in the order it is trusted: the organisation's own
 * synonyms (staff's list), the regular Swedish spelling of a Norwegian word where the Swedish dictionary knows
 * it, the general bilingual dictionaries, and — for a word the knowledge base does not hold at all — the
 * thesaurus' synonyms the knowledge base does hold (weak: they weigh half). {@link KnowledgeIndex} turns the
 * matches into each passage language's stems.
 */
public final class SynonymsExpansion {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}-]*\\p{L}|\\p{L}");
    /** At most this many thesaurus synonyms per word: the first meanings, which the files list first. */
    private static final int MAX_THESAURUS = 6;

    private final Analysis analysis;
    private final Supplier<Synonyms> organisation;
    private final Supplier<Map<Language, Synonyms>> general;
    private final Lexicon lexicon;
    private final boolean norwegianToSwedish;
    private final Thesaurus thesaurus;
    private final EnglishBridge bridge;

    /**
     * @param organisation       the organisation's rules in force (staff may replace them at any time)
     * @param general            general dictionaries' rules by question language
     * @param lexicon            Hunspell dictionaries: which Swedish spellings of a Norwegian word are words
     * @param norwegianToSwedish whether Norwegian words are also searched in their Swedish spelling
     * @param thesaurus          the thesaurus, or {@link Thesaurus#none()} to use none
     */
    public SynonymsExpansion(Analysis analysis, Supplier<Synonyms> organisation, Map<Language, Synonyms> general,
                             Lexicon lexicon, boolean norwegianToSwedish, Thesaurus thesaurus) {
        this(analysis, organisation, constant(Map.copyOf(general)), lexicon, norwegianToSwedish, thesaurus,
                EnglishBridge.none());
    }

    /** The same with the bridging dictionaries for English words. */
    public SynonymsExpansion(Analysis analysis, Supplier<Synonyms> organisation, Map<Language, Synonyms> general,
                             Lexicon lexicon, boolean norwegianToSwedish, Thesaurus thesaurus, EnglishBridge bridge) {
        this(analysis, organisation, constant(Map.copyOf(general)), lexicon, norwegianToSwedish, thesaurus, bridge);
    }

    /**
     * @param general general dictionaries' rules by question language, given when read (a question waits for them)
     * @param bridge  the dictionaries that bridge an English word to Swedish and Norwegian ones
     */
    public SynonymsExpansion(Analysis analysis, Supplier<Synonyms> organisation, Supplier<Map<Language, Synonyms>> general,
                             Lexicon lexicon, boolean norwegianToSwedish, Thesaurus thesaurus, EnglishBridge bridge) {
        this.bridge = bridge;
        this.analysis = analysis;
        this.organisation = organisation;
        this.general = general;
        this.lexicon = lexicon;
        this.norwegianToSwedish = norwegianToSwedish;
        this.thesaurus = thesaurus;
    }

    private static Supplier<Map<Language, Synonyms>> constant(Map<Language, Synonyms> general) {
        return () -> general;
    }

    /** Whether the English dictionaries know the word (any form: "members", "phone"). */
    public boolean knowsEnglish(String word) {
        return !bridge.translate(word).isEmpty();
    }

    /** Only the organisation's rules. */
    public static SynonymsExpansion of(Analysis analysis, Synonyms organisation) {
        return new SynonymsExpansion(analysis, () -> organisation, Map.of(), Lexicon.none(), false, Thesaurus.none());
    }

    /**
     * The matches of a question: the organisation's first (each on its own), then the general ones, those
     * covering the same stems joined into one.
     *
     * @param known whether the knowledge base holds a word (lower case, as written)
     */
    public List<Synonyms.Match> matches(String text, Language language, Predicate<String> known) {
        return matches(text, language, known, known);
    }

    /**
     * @param known     whether the knowledge base holds a word (lower case, as written)
     * @param knownStem whether the knowledge base holds a word in some form: its stems in a passage language
     */
    public List<Synonyms.Match> matches(String text, Language language, Predicate<String> known,
                                        Predicate<String> knownStem) {
        List<Synonyms.Match> out = new ArrayList<>(organisation.get().matches(text, language));
        Map<Set<String>, Synonyms.Match> more = new LinkedHashMap<>();
        List<String> words = words(text, language);
        Synonyms dictionary = general.get().get(language);
        if (norwegianToSwedish && language == Language.NO) {
            for (String word : words) {
                List<String> swedish = BilingualLexicon.swedishSpellings(word).stream()
                        .filter(form -> lexicon.isWord(form, Language.SV)).toList();
                if (swedish.isEmpty() && !known.test(word)) {
                    swedish = swedishCompound(word, dictionary, knownStem);
                }
                add(more, word, language, swedish, false);
            }
        }
        if (dictionary != null) {
            for (Synonyms.Match match : dictionary.matches(text, language)) {
                more.merge(match.coveredStems(), match, SynonymsExpansion::join);
            }
        }
        if (language == Language.EN) {
            bridged(text, more, knownStem);
        }
        if (language != Language.EN && thesaurus != null) {
            for (String word : words) {
                if (known.test(word)) {
                    continue; // the documents hold it: nothing to look for instead
                }
                Set<String> heads = new LinkedHashSet<>();
                heads.add(word);
                heads.addAll(lexicon.roots(word, language));
                Set<String> found = new LinkedHashSet<>();
                for (String head : heads) {
                    for (String synonym : thesaurus.synonyms(head, language)) {
                        if (found.size() < MAX_THESAURUS && known.test(synonym)) {
                            found.add(synonym);
                        }
                    }
                }
                add(more, word, language, List.copyOf(found), true);
            }
        }
        out.addAll(more.values());
        return out;
    }

    /**
     * An English question's words as the knowledge base holds them through the bridging dictionaries: each
     * word's translations it holds (weak: a bridge is noisy), and two neighbouring words as one Swedish compound
     * it holds ("Western Sweden" → "Västsverige", "head office" → "huvudkontor"): a compound found whole is
     * strong evidence, and a name when both words are capitalised.
     */
    private void bridged(String text, Map<Set<String>, Synonyms.Match> more, Predicate<String> knownStem) {
        List<String> asWritten = contentWords(text, Language.EN, 2);
        // each word's Swedish and Norwegian words, looked up once for the word alone and for both compounds it is in
        List<List<String>> candidates = asWritten.stream().map(word -> candidates(bridge.translate(word))).toList();
        for (int i = 0; i < asWritten.size(); i++) {
            String word = asWritten.get(i).toLowerCase(Locale.ROOT);
            if (word.length() >= 3) {
                List<String> found = new ArrayList<>();
                for (String candidate : candidates.get(i)) {
                    if (found.size() < MAX_THESAURUS && knownStem.test(candidate)) {
                        found.add(candidate);
                    }
                }
                add(more, word, Language.EN, found, true);
            }
            if (i + 1 < asWritten.size()) {
                compound(asWritten.get(i), asWritten.get(i + 1), candidates.get(i), candidates.get(i + 1), more, knownStem);
            }
        }
    }

    private static final int MAX_COMPOUND_PARTS = 12;

    /**
     * A Norwegian compound the documents do not hold, put together in Swedish from its parts as the Norwegian
     * dictionary splits it, each part by its Swedish spelling or the Swedish–Norwegian dictionary ("utviklingsplan"
     * → "utveckling" + "plan" → "utvecklingsplan", "grunnkurs" → "grundkurs"), where the knowledge base holds the
     * Swedish compound; else nothing.
     */
    private List<String> swedishCompound(String word, Synonyms dictionary, Predicate<String> knownStem) {
        List<String> parts = lexicon.parts(word, Language.NO);
        if (parts.size() != 2) {
            return List.of();
        }
        String joined = knownJoining(swedishWords(parts.get(0), dictionary), swedishWords(parts.get(1), dictionary),
                knownStem);
        return joined == null ? List.of() : List.of(joined);
    }

    /** A Norwegian word's Swedish words: its spelling if Swedish too, its Swedish spellings, its dictionary's words. */
    private List<String> swedishWords(String norwegian, Synonyms dictionary) {
        Set<String> out = new LinkedHashSet<>();
        List<String> bases = new ArrayList<>(List.of(norwegian));
        if (norwegian.length() > 4 && norwegian.endsWith("s")) {
            bases.add(norwegian.substring(0, norwegian.length() - 1)); // a linking s: "arbeids" of "arbeidsmiljø"
        }
        for (String base : bases) {
            Set<String> forms = new LinkedHashSet<>(List.of(base));
            forms.addAll(BilingualLexicon.swedishSpellings(base));
            if (dictionary != null) {
                dictionary.matches(base, Language.NO).forEach(match -> forms.addAll(match.words()));
            }
            forms.stream().filter(form -> lexicon.isWord(form, Language.SV)).forEach(out::add);
        }
        return out.stream().limit(MAX_COMPOUND_PARTS).toList();
    }

    private static List<String> candidates(EnglishBridge.Translations t) {
        Set<String> all = new LinkedHashSet<>(t.swedish());
        all.addAll(t.norwegian());
        return List.copyOf(all);
    }

    private void compound(String first, String second, List<String> firstWords, List<String> secondWords,
                          Map<Set<String>, Synonyms.Match> more, Predicate<String> knownStem) {
        List<String> stems = new ArrayList<>(analysis.terms(first, Language.EN));
        stems.addAll(analysis.terms(second, Language.EN));
        if (stems.size() < 2) {
            return; // a stop word: no idea of two words to stand for
        }
        String joined = knownJoining(firstWords.stream().limit(MAX_COMPOUND_PARTS).toList(),
                secondWords.stream().limit(MAX_COMPOUND_PARTS).toList(),
                compound -> compound.length() >= 6 && knownStem.test(compound));
        if (joined != null) {
            boolean name = Character.isUpperCase(first.charAt(0)) && Character.isUpperCase(second.charAt(0));
            more.merge(Set.copyOf(stems), new Synonyms.Match(Set.copyOf(stems), List.of(joined), name, false, false),
                    SynonymsExpansion::join);
        }
    }

    /**
     * The first compound of a head and a tail (heads, then tails, in their order) joined as {@link #joinings} joins
     * them that {@code known} accepts; else null. English word pairs and Norwegian compounds' parts are put together so.
     */
    private static String knownJoining(List<String> heads, List<String> tails, Predicate<String> known) {
        for (String head : heads) {
            for (String tail : tails) {
                for (String joined : joinings(head, tail)) {
                    if (known.test(joined)) {
                        return joined;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A Swedish or Norwegian compound of two words: as they are, with a linking s, or without the first's final
     * vowel, bare or with a linking s in its place.
     */
    static List<String> joinings(String head, String tail) {
        Set<String> out = new LinkedHashSet<>();
        out.add(head + tail);
        out.add(head + "s" + tail);
        char last = head.charAt(head.length() - 1);
        if (head.length() > 3 && "aeo".indexOf(last) >= 0) {
            out.add(head.substring(0, head.length() - 1) + tail);
            out.add(head.substring(0, head.length() - 1) + "s" + tail); // "arbete" + "miljö" → "arbetsmiljö"
        }
        return List.copyOf(out);
    }

    /** The question's content words (lower case), question words and stop words left out. */
    private List<String> words(String text, Language language) {
        return contentWords(text, language, 3).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
    }

    /** The question's words of at least {@code minLength} letters as written, question words and stop words left out. */
    private List<String> contentWords(String text, Language language, int minLength) {
        List<String> out = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (word.length() >= minLength && !analysis.questionStopWords(language).contains(word.toLowerCase(Locale.ROOT))) {
                out.add(word);
            }
        }
        return out;
    }

    private void add(Map<Set<String>, Synonyms.Match> more, String word, Language language, List<String> found, boolean weak) {
        if (found.isEmpty()) {
            return;
        }
        List<String> stems = analysis.terms(word, language);
        if (stems.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(found);
        words.add(word);
        more.merge(Set.copyOf(stems), new Synonyms.Match(Set.copyOf(stems), List.copyOf(words), false, true, weak),
                SynonymsExpansion::join);
    }

    /** Two general matches of the same stems: their words together; weak only if both are. */
    private static Synonyms.Match join(Synonyms.Match a, Synonyms.Match b) {
        Set<String> words = new LinkedHashSet<>(a.words());
        words.addAll(b.words());
        return new Synonyms.Match(a.coveredStems(), List.copyOf(words), a.name() || b.name(), a.general() && b.general(),
                a.weak() && b.weak());
    }
}
