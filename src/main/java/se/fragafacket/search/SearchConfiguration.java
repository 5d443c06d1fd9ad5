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

    /** Staff's synonyms: the data folder's file, or the shared store in the shared mode; else the shipped list. */
    @Bean
    OrganisationSynonyms organisationSynonyms(Analysis analysis, FragaProperties fraga,
                                              ObjectProvider<OrganisationSynonyms.Store> store) {
        return new OrganisationSynonyms(analysis, fraga.dataDir().resolve("synonyms.txt"), store.getIfAvailable(),
                OrganisationSynonyms.shippedList());
    }

    @Bean
    Lexicon lexicon(LanguageProperties language) {
        return Lexicon.load(language.hunspellDir());
    }

    @Bean
    SynonymsExpansion synonymsExpansion(Analysis analysis, OrganisationSynonyms organisation, LanguageProperties language,
                                        SearchProperties properties, Lexicon lexicon) {
        Map<Language, Synonyms> general = new EnumMap<>(Language.class);
        if (language.bilingual()) {
            for (Language questions : new Language[] {Language.EN, Language.NO}) {
                String lines = String.join("\n", BilingualLexicon.synonymLines(language.dictdDir(), questions));
                if (!lines.isEmpty()) {
                    general.put(questions, Synonyms.general(analysis, lines, questions));
                }
            }
        }
        Thesaurus thesaurus = Thesaurus.none();
        if (properties.thesaurus()) {
            thesaurus = Thesaurus.load(properties.thesaurusDir());
        } else {
            LoggerFactory.getLogger(SearchConfiguration.class)
                    .info("Thesaurus off (fraga.search.thesaurus=false): questions are searched without it");
        }
        EnglishBridge bridge = language.bilingual() ? EnglishBridge.open(language.dictdDir(), lexicon) : EnglishBridge.none();
        return new SynonymsExpansion(analysis, organisation::synonyms, general, lexicon,
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
