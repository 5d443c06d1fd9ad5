package se.fragafacket.search;

import java.nio.file.Path;
import java.util.Optional;

import se.fragafacket.Settings;

/** A real index on disk with the service's analysis and built-in synonyms and default settings, for tests. */
public final class Indexes {

    private static final Analysis ANALYSIS = new Analysis();
    private static final Synonyms SHIPPED = Synonyms.parse(ANALYSIS, OrganisationSynonyms.shippedList());

    private Indexes() {
    }

    public static KnowledgeIndex open(Path directory) {
        return open(directory, SynonymsExpansion.of(ANALYSIS, SHIPPED));
    }

    public static KnowledgeIndex open(Path directory, SynonymsExpansion synonyms) {
        return new KnowledgeIndex(directory, ANALYSIS, synonyms,
                Settings.defaults("fraga.search", SearchProperties.class), Optional.empty());
    }
}
