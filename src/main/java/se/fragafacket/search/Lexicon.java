package se.fragafacket.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The general dictionaries of the service's languages, read from installed Hunspell files (Debian's
 * {@code hunspell-sv} (LGPL-3) and {@code hunspell-no} (GPL-2); they are never part of this project's
 * sources). Tells whether a word is a word of the language at all, so that spelling correction leaves
 * real words alone, and gives a word's dictionary roots. Without the files every answer is "don't know".
 */
public final class Lexicon {

    private static final Logger log = LoggerFactory.getLogger(Lexicon.class);
    /** The dictionary files per language, first found wins for each. */
    private static final Map<Language, List<String>> FILES = Map.of(
            Language.SV, List.of("sv_SE"),
            Language.NO, List.of("nb_NO"));

    /** Each language's dictionaries and headwords, once read (a look-up in a language waits for that language's). */
    private final Map<Language, java.util.concurrent.CompletableFuture<Loaded>> loaded = new EnumMap<>(Language.class);
    /** What {@link #morphemes} found for a word, per language: the vocabulary repeats, Hunspell is slow. */
    private final Map<Language, Map<String, Forms>> morphemeCache = new EnumMap<>(Language.class);
    /**
     * What {@link #roots} found for a lower-cased word, per language: a compound's possible last parts are looked
     * up for every compound that may end in them ("…medlemmar"), and Hunspell's stemming is slow.
     */
    private final Map<Language, BoundedCache<String, List<String>>> rootsCache = new EnumMap<>(Language.class);
    /** The languages whose dictionary files are there, known without waiting for them to be read. */
    private final java.util.Set<Language> installed = java.util.EnumSet.noneOf(Language.class);

    /** One language's dictionary, read. */
    private record Loaded(List<Hunspell> dictionaries, Headwords headwords) {
        static final Loaded NONE = new Loaded(List.of(), new Headwords(new long[0]));
    }

    private Lexicon() {
    }

    /** No dictionaries: nothing is known to be a word. */
    public static Lexicon none() {
        return new Lexicon();
    }

    /**
     * The dictionaries installed in {@code folder}, each read on a thread of its own (a look-up in a language
     * waits for that language's); what is missing is logged, never fatal.
     */
    public static Lexicon load(Path folder) {
        return load(folder, ResourceCache.none(), LanguageResources.THREADS);
    }

    /**
     * The dictionaries installed in {@code folder}, read by {@code executor}; their headwords kept in
     * {@code cache} between starts.
     */
    public static Lexicon load(Path folder, ResourceCache cache, java.util.concurrent.Executor executor) {
        Lexicon lexicon = new Lexicon();
        for (var entry : FILES.entrySet()) {
            Language language = entry.getKey();
            String name = entry.getValue().get(0);
            Path aff = folder.resolve(name + ".aff");
            Path dic = folder.resolve(name + ".dic");
            if (!Files.isReadable(aff) || !Files.isReadable(dic)) {
                log.info("Hunspell dictionary {} not found in {}: spelling correction for {} works without it, and "
                                + "passages are indexed without lemmas and compound parts (install the Debian package {})",
                        name, folder, language.code(), language == Language.SV ? "hunspell-sv" : "hunspell-no");
                continue;
            }
            lexicon.installed.add(language);
            lexicon.morphemeCache.put(language, new java.util.concurrent.ConcurrentHashMap<>());
            lexicon.rootsCache.put(language, new BoundedCache<>(ROOTS_GENERATION, w -> lexicon.readRoots(w, language)));
            lexicon.loaded.put(language, java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> read(name, aff, dic, cache), executor));
        }
        return lexicon;
    }

    /** Whether every installed dictionary is read (or failed to be). */
    public boolean isRead() {
        return loaded.values().stream().allMatch(java.util.concurrent.CompletableFuture::isDone);
    }

    /** Done when every installed dictionary is read, for {@link LanguageResources}. */
    java.util.concurrent.CompletableFuture<?> loaded() {
        return java.util.concurrent.CompletableFuture.allOf(loaded.values().toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    private static Loaded read(String name, Path aff, Path dic, ResourceCache cache) {
        long start = System.nanoTime();
        try {
            Dictionary dictionary;
            try (InputStream a = Files.newInputStream(aff); InputStream d = Files.newInputStream(dic)) {
                // sorted in memory: a fifth faster than Lucene's default sorting through a temporary directory
                dictionary = new Dictionary(a, List.of(d), false, org.apache.lucene.analysis.hunspell.SortingStrategy.inMemory());
            }
            long parsed = System.nanoTime();
            Headwords words = cache.get("hunspell-headwords-" + name, ResourceCache.stamp(aff, dic),
                    () -> headwords(aff, dic), Headwords::write, Headwords::read);
            log.info("Hunspell dictionary {} read from {} in {} ms (its headwords {} ms)", name, dic.getParent(),
                    (System.nanoTime() - start) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
            return new Loaded(List.of(new Hunspell(dictionary)), words);
        } catch (Exception e) {
            log.warn("Hunspell dictionary {} in {} could not be read ({}); going on without it", name, dic.getParent(),
                    e.toString());
            return Loaded.NONE;
        }
    }

    /** The dictionary's headwords, lower-cased, in the encoding its .aff file names ({@code SET}). */
    private static Headwords headwords(Path aff, Path dic) throws IOException {
        java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        try (var lines = Files.lines(aff, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String set = lines.filter(l -> l.startsWith("SET ")).findFirst().orElse("SET UTF-8").substring(4).trim();
            charset = java.nio.charset.Charset.forName(set.equals("ISO8859-1") ? "ISO-8859-1" : set);
        } catch (IllegalArgumentException e) {
            // an unknown encoding: read as UTF-8
        }
        Headwords.Builder out = new Headwords.Builder();
        try (var reader = Files.newBufferedReader(dic, charset)) {
            reader.readLine(); // the entry count
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int end = line.indexOf('/');
                String word = (end < 0 ? line : line.substring(0, end)).strip();
                if (word.length() >= 2) {
                    out.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out.build();
    }

    /**
     * A set of words held as sorted 64-bit hashes (8 bytes a word instead of a string and a hash-table node:
     * the two dictionaries' half a million headwords in 4 MB instead of about 50).
     */
    private record Headwords(long[] hashes) {
        void write(java.io.DataOutputStream out) throws IOException {
            out.writeInt(hashes.length);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(hashes.length * Long.BYTES);
            buffer.asLongBuffer().put(hashes);
            out.write(buffer.array());
        }

        static Headwords read(java.io.DataInputStream in) throws IOException {
            int count = in.readInt();
            if (count < 0 || (long) count * Long.BYTES > in.available()) {
                throw new IOException("a count of " + count + " headwords does not fit the file");
            }
            byte[] bytes = new byte[count * Long.BYTES];
            in.readFully(bytes);
            long[] hashes = new long[count];
            java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(hashes);
            return new Headwords(hashes);
        }

        boolean contains(CharSequence word) {
            return java.util.Arrays.binarySearch(hashes, hash(word)) >= 0;
        }

        Headwords and(Headwords other) {
            long[] all = java.util.Arrays.copyOf(hashes, hashes.length + other.hashes.length);
            System.arraycopy(other.hashes, 0, all, hashes.length, other.hashes.length);
            java.util.Arrays.sort(all);
            return new Headwords(all);
        }

        /** FNV-1a over the UTF-16 units: 64 bits, so two headwords collide almost never. */
        static long hash(CharSequence word) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < word.length(); i++) {
                h ^= word.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }

        static final class Builder {
            private long[] hashes = new long[1 << 16];
            private int size;

            void add(String word) {
                if (size == hashes.length) {
                    hashes = java.util.Arrays.copyOf(hashes, size * 2);
                }
                hashes[size++] = hash(word);
            }

            Headwords build() {
                long[] out = java.util.Arrays.copyOf(hashes, size);
                java.util.Arrays.sort(out);
                return new Headwords(out);
            }
        }
    }

    /**
     * A fingerprint of which dictionaries are installed, known at once (without waiting for them to be read):
     * the index notes it, so passages analysed with other dictionaries are analysed again.
     */
    public String signature() {
        return installed.stream().map(Language::code).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    /** Whether the dictionary of {@code language} is installed (it may still be being read). */
    public boolean installed(Language language) {
        return installed.contains(language);
    }

    /** Shortest word looked up at all. */
    private static final int MIN_WORD = 4;
    /** Words per generation of the roots' memo (at most twice as many kept per language, a few MB). */
    private static final int ROOTS_GENERATION = 50_000;
    /** Shortest compound part; a word the dictionary knows whole is split only into parts of at least one more letter. */
    private static final int MIN_PART = 3;
    /** Longest inflectional ending a compound's last part may have beyond a headword ("medlem|mar", "avgift|erna"). */
    private static final int MAX_ENDING = 5;

    /**
     * The dictionary forms a word stands for in {@code language}: its lemma(s) ("medlemmar" → medlem), and for a
     * compound the lemma of the whole and its parts ("förbundsmedlemmar" → förbundsmedlem, förbund, medlem).
     * A word is split only where both sides are words of the dictionary (the first side as a headword, bare or
     * with a linking letter), never into a word hidden across the seam ("smed"). Empty where the dictionary
     * knows nothing of the word, or there is none. Cached: the same words recur.
     */
    public List<String> morphemes(String word, Language language) {
        return forms(word, language).all();
    }

    /** The lemma(s) of a word alone, a compound's as a whole ("förbundsmedlemmar" → förbundsmedlem); no parts. */
    public List<String> lemmas(String word, Language language) {
        Forms forms = forms(word, language);
        return forms.all().subList(0, forms.lemmas());
    }

    /**
     * The last part of a compound as the dictionary splits it, as a lemma ("medlemsmöten" → "möte"): what the
     * compound is (a "medlemsmöte" is a "möte"); null for a word that is no compound.
     */
    public String head(String word, Language language) {
        Forms forms = forms(word, language);
        List<String> parts = forms.parts();
        if (parts.isEmpty()) {
            return null;
        }
        String head = parts.get(parts.size() - 1);
        // the whole word's lemma ends in it, or the split is no reading of the word ("samarbetar" is no "bete")
        return forms.all().subList(0, forms.lemmas()).stream().anyMatch(lemma -> lemma.length() > head.length()
                && lemma.endsWith(head)) ? head : null;
    }

    /** A compound's parts as the dictionary splits it ("grunnkurs" → grunn, kurs); empty for a word that is none. */
    public List<String> parts(String word, Language language) {
        return forms(word, language).parts();
    }

    /** A word's dictionary forms: the first {@code lemmas} of {@code all} are its lemmas, the rest its parts. */
    private record Forms(List<String> all, int lemmas) {
        static final Forms NONE = new Forms(List.of(), 0);

        List<String> parts() {
            return all.subList(lemmas, all.size());
        }
    }

    private Forms forms(String word, Language language) {
        if (word.length() < MIN_WORD) {
            return Forms.NONE;
        }
        Map<String, Forms> cache = morphemeCache.get(language);
        if (cache == null) {
            return Forms.NONE;
        }
        Forms known = cache.get(word);
        if (known != null) {
            return known;
        }
        Forms found = analyse(word, language);
        if (cache.size() > 400_000) {
            cache.clear(); // a bound on memory; the vocabulary of one knowledge base stays far below it
        }
        cache.put(word, found);
        return found;
    }

    private Forms analyse(String word, Language language) {
        if (word.length() < MIN_WORD || !Character.isLetter(word.charAt(0))) {
            return Forms.NONE; // a short word is its own lemma often enough; its stem already matches
        }
        List<String> roots = roots(word, language);
        List<String> out = new java.util.ArrayList<>(roots);
        int lemmas = roots.size();
        Split split = word.length() >= 2 * MIN_PART
                ? split(word, language, roots.isEmpty() ? MIN_PART : MIN_PART + 1, 2) : null;
        if (split != null && roots.isEmpty() && !spells(word, language)) {
            split = null; // not a compound the dictionary's own compounding rules allow: a name ("Rubin|son")
        }
        if (split != null) {
            if (roots.isEmpty()) {
                // the compound's own lemma: its first parts as written, its last part's lemma
                out.add(word.substring(0, split.seam()) + split.parts().get(split.parts().size() - 1));
                lemmas = 1;
            }
            for (String part : split.parts()) {
                if (!out.contains(part)) {
                    out.add(part);
                }
            }
        }
        return out.isEmpty() ? Forms.NONE : new Forms(List.copyOf(out), lemmas);
    }

    private boolean spells(String word, Language language) {
        for (Hunspell hunspell : read(language).dictionaries()) {
            try {
                if (hunspell.spell(word)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a word the dictionary cannot judge is not known
            }
        }
        return false;
    }

    /** A compound's parts as lemmas, and where its last part begins in the word. */
    private record Split(List<String> parts, int seam) {
    }

    /**
     * The parts of a compound, each a lemma, or null: the longest last part the dictionary knows (with an
     * inflectional ending), then what comes before it as a headword, a headword with a linking letter, or
     * (to {@code depth}) a compound itself.
     */
    private Split split(String word, Language language, int minPart, int depth) {
        Headwords words = read(language).headwords();
        for (int seam = minPart; seam <= word.length() - minPart; seam++) {
            String tail = word.substring(seam);
            if (!startsWithHeadword(tail, words, minPart)) {
                continue;
            }
            List<String> tailRoots = roots(tail, language);
            if (tailRoots.isEmpty()) {
                continue;
            }
            List<String> head = head(word.substring(0, seam), language, words, minPart, depth);
            if (head == null) {
                continue;
            }
            List<String> out = new java.util.ArrayList<>(head);
            out.add(tailRoots.get(0));
            return new Split(out, seam);
        }
        return null;
    }

    private static boolean startsWithHeadword(String tail, Headwords words, int minPart) {
        for (int length = tail.length(); length >= Math.max(minPart, tail.length() - MAX_ENDING); length--) {
            if (words.contains(java.nio.CharBuffer.wrap(tail, 0, length))) {
                return true;
            }
        }
        return false;
    }

    /** The first part of a compound as lemmas: as written, without a linking s or e, or with a stem vowel back. */
    private List<String> head(String head, Language language, Headwords words, int minPart, int depth) {
        if (words.contains(head)) {
            return List.of(head);
        }
        char last = head.charAt(head.length() - 1);
        if ((last == 's' || last == 'e') && head.length() - 1 >= minPart && words.contains(head.substring(0, head.length() - 1))) {
            return List.of(head.substring(0, head.length() - 1));          // förbund|s, lön|e
        }
        if (words.contains(head + "a")) {
            return List.of(head + "a");                                    // skol → skola
        }
        if ((last == 'o' || last == 'u') && words.contains(head.substring(0, head.length() - 1) + "a")) {
            return List.of(head.substring(0, head.length() - 1) + "a");    // kyrko → kyrka, gatu → gata
        }
        if (depth > 1 && head.length() >= 2 * minPart) {
            Split inner = split(last == 's' ? head.substring(0, head.length() - 1) : head, language, minPart, depth - 1);
            return inner == null ? null : inner.parts();
        }
        return null;
    }

    /** The language's dictionary, waited for while it is being read. */
    private Loaded read(Language language) {
        var future = loaded.get(language);
        return future == null ? Loaded.NONE : future.join();
    }

    public boolean has(Language language) {
        return !read(language).dictionaries().isEmpty();
    }

    /** Whether any dictionary of the Scandinavian languages knows the word (lower-cased or as written). */
    public boolean isWord(String word) {
        return installed.stream().anyMatch(language -> knows(word, language));
    }

    /** Whether the language's dictionary knows the word (lower-cased or as written). */
    public boolean isWord(String word, Language language) {
        return knows(word, language);
    }

    private boolean knows(String word, Language language) {
        return spells(word, language) || spells(word.toLowerCase(Locale.ROOT), language);
    }

    /** The word's dictionary roots in a language ("medlemmar" → "medlem"); empty when unknown. */
    public List<String> roots(String word, Language language) {
        BoundedCache<String, List<String>> cache = rootsCache.get(language);
        String lower = word.toLowerCase(Locale.ROOT);
        return cache == null ? List.of() : cache.get(lower);
    }

    private List<String> readRoots(String word, Language language) {
        for (Hunspell hunspell : read(language).dictionaries()) {
            try {
                List<String> roots = hunspell.getRoots(word);
                if (!roots.isEmpty()) {
                    return List.copyOf(roots); // kept in the memo: never changed by a caller
                }
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }
}
