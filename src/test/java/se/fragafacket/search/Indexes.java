package se.fragafacket.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import se.fragafacket.Settings;

/**
 * A real index on disk with the service's analysis and glossary and default settings, for tests; with the
 * installed Hunspell dictionaries (read once per test run), as the service has them.
 */
public final class Indexes {

    /** The dictionaries where Debian installs them (absent ones are left out, as in the service). */
    public static final Lexicon LEXICON = Lexicon.load(Path.of("/usr/share/hunspell"));

    private Indexes() {
    }

    public static KnowledgeIndex open(Path directory) {
        Analysis analysis = new Analysis();
        try (InputStream glossary = Indexes.class.getResourceAsStream("/search/glossary.txt")) {
            return new KnowledgeIndex(directory, analysis, new Glossary(analysis, glossary),
                    Settings.defaults("fraga.search", SearchProperties.class), Optional.empty(), LEXICON, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
