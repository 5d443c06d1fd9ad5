package se.fragafacket.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import se.fragafacket.config.FragaProperties;

/** The index and its analysis, opened once for the process under {@code fraga.data-dir}/index. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    Analysis analysis() {
        return new Analysis();
    }

    @Bean
    Glossary glossary(Analysis analysis, LanguageProperties language, FragaProperties fraga) {
        try (InputStream in = Glossary.organisationTerms(fraga.dataDir().resolve("glossary.txt"),
                new ClassPathResource("search/glossary.txt"))) {
            if (!language.bilingual()) {
                return new Glossary(analysis, in);
            }
            // the organisation's own lines first: where both know a word, theirs is taken
            String general = String.join("\n", BilingualLexicon.glossaryLines(language.dictdDir()));
            return new Glossary(analysis, new java.io.SequenceInputStream(in,
                    new java.io.ByteArrayInputStream(("\n" + general + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndex knowledgeIndex(FragaProperties fraga, SearchProperties properties, Analysis analysis,
                                  Glossary glossary, ObjectProvider<EmbeddingModel> embeddingModel,
                                  LanguageProperties language) throws IOException {
        Path path = fraga.dataDir().resolve("index");
        Files.createDirectories(path);
        Optional<EmbeddingModel> embeddings = "none".equals(properties.embeddings())
                ? Optional.empty() : Optional.ofNullable(embeddingModel.getIfAvailable());
        return new KnowledgeIndex(path, analysis, glossary, properties, embeddings,
                Lexicon.load(language.hunspellDir()), language.spelling());
    }
}
