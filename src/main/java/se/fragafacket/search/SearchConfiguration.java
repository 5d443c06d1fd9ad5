package se.fragafacket.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.fragafacket.config.FragaProperties;

/** The index and its analysis, opened once for the process under {@code fraga.data-dir}/index. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    Analysis analysis() {
        return new Analysis();
    }

    /** The language resources being read beside the start; the ready line names those not read yet. */
    @Bean
    LanguageResources languageResources() {
        return new LanguageResources();
    }

    /** The language resources' compact forms, kept in the data folder between starts ({@link ResourceCache}). */
    @Bean
    ResourceCache resourceCache(FragaProperties fraga) {
        return ResourceCache.in(fraga.dataDir().resolve("cache"));
    }

    /** Staff's synonyms: the data folder's file, or the shared store in the shared mode; else the shipped list. */
    @Bean
    OrganisationSynonyms organisationSynonyms(Analysis analysis, FragaProperties fraga,
                                              ObjectProvider<OrganisationSynonyms.Store> store, ResourceCache cache,
                                              LanguageResources resources) {
        OrganisationSynonyms synonyms = new OrganisationSynonyms(analysis, fraga.dataDir().resolve("synonyms.txt"),
                store.getIfAvailable(), OrganisationSynonyms.shippedList(), cache, LanguageResources.THREADS);
        resources.add("organisation synonyms", synonyms.loaded());
        return synonyms;
    }

    @Bean
    Lexicon lexicon(LanguageProperties language, ResourceCache cache, LanguageResources resources) {
        Lexicon lexicon = Lexicon.load(language.hunspellDir(), cache, LanguageResources.THREADS);
        resources.add("Hunspell", lexicon.loaded());
        return lexicon;
    }

    @Bean
    SynonymsExpansion synonymsExpansion(Analysis analysis, OrganisationSynonyms organisation, LanguageProperties language,
                                        SearchProperties properties, Lexicon lexicon, ResourceCache cache,
                                        LanguageResources resources) {
        // the bilingual dictionaries are read beside the start, each language's on a thread of its own; a
        // question waits for them
        Map<Language, java.util.concurrent.CompletableFuture<Synonyms>> reading = new EnumMap<>(Language.class);
        if (language.bilingual()) {
            for (Language questions : new Language[] {Language.EN, Language.NO}) {
                reading.put(questions, java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> BilingualLexicon.general(analysis, language.dictdDir(), questions, cache),
                        LanguageResources.THREADS));
            }
        }
        java.util.concurrent.CompletableFuture<Map<Language, Synonyms>> general = java.util.concurrent.CompletableFuture
                .allOf(reading.values().toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<Language, Synonyms> out = new EnumMap<>(Language.class);
                    reading.forEach((questions, rules) -> {
                        if (rules.join() != null) {
                            out.put(questions, rules.join());
                        }
                    });
                    return Map.copyOf(out);
                });
        resources.add("bilingual dictionaries", general);
        Thesaurus thesaurus = Thesaurus.none();
        if (properties.thesaurus()) {
            thesaurus = Thesaurus.load(properties.thesaurusDir(), cache, LanguageResources.THREADS);
            resources.add("thesauri", thesaurus.loaded());
        } else {
            LoggerFactory.getLogger(SearchConfiguration.class)
                    .info("Thesaurus off (fraga.search.thesaurus=false): questions are searched without it");
        }
        EnglishBridge bridge = language.bilingual() ? EnglishBridge.open(language.dictdDir(), lexicon) : EnglishBridge.none();
        return new SynonymsExpansion(analysis, organisation::synonyms, general::join, lexicon,
                properties.norwegianToSwedish(), thesaurus, bridge);
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(FragaProperties fraga, SearchProperties properties, Analysis analysis,
                                  SynonymsExpansion synonyms, ObjectProvider<EmbeddingModel> embeddingModel,
                                  LanguageProperties language, Lexicon lexicon) throws IOException {
        Path path = fraga.dataDir().resolve("index");
        Files.createDirectories(path);
        Optional<EmbeddingModel> embeddings = "none".equals(properties.embeddings())
                ? Optional.empty() : Optional.ofNullable(embeddingModel.getIfAvailable());
        return new KnowledgeIndex(path, analysis, synonyms, properties, embeddings, lexicon, language.spelling());
    }
}
