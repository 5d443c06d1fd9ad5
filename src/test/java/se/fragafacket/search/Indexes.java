package se.fragafacket.search;

import java.nio.file.Path;
import java.util.Optional;

import se.fragafacket.Settings;

/**
 * A real index on disk with the service's analysis, built-in synonyms and default settings, for tests; with the
 * installed Hunspell dictionaries (read once per test run), as the service has them.
 */
public final class Indexes {

    private static final Analysis ANALYSIS = new Analysis();
    private static final Synonyms SHIPPED = Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList());
    /** The dictionaries where Debian installs them (absent ones are left out, as in the service). */
    /** The default search settings, bound once (binding them is most of opening a small index). */
    private static final SearchProperties SEARCH = Settings.defaults("fraga.search", SearchProperties.class);
    public static final Lexicon LEXICON = Lexicon.load(Path.of("/usr/share/hunspell"));

    private Indexes() {
    }

    public static KnowledgeIndex open(Path directory) {
        return open(directory, SynonymsExpansion.of(ANALYSIS, SHIPPED));
    }

    public static KnowledgeIndex open(Path directory, SynonymsExpansion synonyms) {
        return new KnowledgeIndex(directory, ANALYSIS, synonyms,
                SEARCH, Optional.empty(), LEXICON, true);
    }
}
