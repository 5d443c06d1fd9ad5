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

    private final Map<Language, List<Hunspell>> dictionaries = new EnumMap<>(Language.class);
    /** Reading the dictionaries takes seconds: done beside start-up, waited for by the first word looked up. */
    private java.util.concurrent.CompletableFuture<Void> loaded = java.util.concurrent.CompletableFuture.completedFuture(null);

    private Lexicon() {
    }

    /** No dictionaries: nothing is known to be a word. */
    public static Lexicon none() {
        return new Lexicon();
    }

    /**
     * The dictionaries installed in {@code folder}, read on a thread of their own (the first look-up waits for
     * them); what is missing is logged, never fatal.
     */
    public static Lexicon load(Path folder) {
        Lexicon lexicon = new Lexicon();
        lexicon.loaded = java.util.concurrent.CompletableFuture.runAsync(() -> lexicon.read(folder), command -> {
            Thread thread = new Thread(command, "hunspell-loader");
            thread.setDaemon(true);
            thread.start();
        });
        return lexicon;
    }

    private void read(Path folder) {
        Lexicon lexicon = this;
        for (var entry : FILES.entrySet()) {
            for (String name : entry.getValue()) {
                Path aff = folder.resolve(name + ".aff");
                Path dic = folder.resolve(name + ".dic");
                if (!Files.isReadable(aff) || !Files.isReadable(dic)) {
                    log.info("Hunspell dictionary {} not found in {}: spelling correction for {} works without it "
                            + "(install the Debian package {})", name, folder, entry.getKey().code(),
                            entry.getKey() == Language.SV ? "hunspell-sv" : "hunspell-no");
                    continue;
                }
                try (InputStream a = Files.newInputStream(aff); InputStream d = Files.newInputStream(dic)) {
                    long start = System.nanoTime();
                    Dictionary dictionary = new Dictionary(new ByteBuffersDirectory(), "hunspell", a, d);
                    lexicon.dictionaries.computeIfAbsent(entry.getKey(), k -> new java.util.ArrayList<>())
                            .add(new Hunspell(dictionary));
                    log.info("Hunspell dictionary {} read from {} in {} ms", name, folder,
                            (System.nanoTime() - start) / 1_000_000);
                } catch (IOException | java.text.ParseException | RuntimeException e) {
                    log.warn("Hunspell dictionary {} in {} could not be read ({}); going on without it", name, folder,
                            e.toString());
                }
            }
        }
    }

    private void ready() {
        loaded.join();
    }

    public boolean has(Language language) {
        ready();
        return dictionaries.containsKey(language);
    }

    /** Whether any dictionary of the Scandinavian languages knows the word (lower-cased or as written). */
    public boolean isWord(String word) {
        ready();
        for (List<Hunspell> list : dictionaries.values()) {
            for (Hunspell hunspell : list) {
                try {
                    if (hunspell.spell(word) || hunspell.spell(word.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // a word the dictionary cannot judge is not known
                }
            }
        }
        return false;
    }

    /** Whether the language's dictionary knows the word (lower-cased or as written). */
    public boolean isWord(String word, Language language) {
        ready();
        for (Hunspell hunspell : dictionaries.getOrDefault(language, List.of())) {
            try {
                if (hunspell.spell(word) || hunspell.spell(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a word the dictionary cannot judge is not known
            }
        }
        return false;
    }

    /** The word's dictionary roots in a language ("medlemmar" → "medlem"); empty when unknown. */
    public List<String> roots(String word, Language language) {
        ready();
        for (Hunspell hunspell : dictionaries.getOrDefault(language, List.of())) {
            try {
                List<String> roots = hunspell.getRoots(word.toLowerCase(Locale.ROOT));
                if (!roots.isEmpty()) {
                    return roots;
                }
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }
}
