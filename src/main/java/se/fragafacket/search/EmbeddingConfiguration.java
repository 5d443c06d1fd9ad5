package se.fragafacket.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model server's embedding model, for dense retrieval fused with BM25 when
 * {@code fraga.search.embeddings=model}: an OpenAI-compatible {@code /v1/embeddings} or Ollama's, at the
 * chat model's server. (The in-process English MiniLM model was measured and made answers worse on the
 * Swedish and Norwegian documents; see the README.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fraga.search.embeddings", havingValue = "model")
class EmbeddingConfiguration {

    @Bean
    EmbeddingModel embeddingModel(SearchProperties search, @Value("${fraga.llm.provider}") String provider,
                                  @Value("${fraga.llm.base-url:}") String baseUrl,
                                  @Value("${fraga.llm.api-key:}") String apiKey) {
        return switch (provider) {
            case "openai" -> OpenAiEmbeddingModel.builder()
                    .baseUrl(baseUrl.isBlank() ? "https://api.openai.com/v1" : baseUrl)
                    .apiKey(apiKey.isBlank() ? "not-needed" : apiKey)
                    .modelName(search.embeddingModel())
                    .build();
            case "ollama" -> OllamaEmbeddingModel.builder()
                    .baseUrl(baseUrl.isBlank() ? "http://localhost:11434" : baseUrl)
                    .modelName(search.embeddingModel())
                    .build();
            default -> throw new IllegalStateException(
                    "fraga.search.embeddings=model needs fraga.llm.provider=openai or ollama (a server to embed with)");
        };
    }
}
