package se.fragafacket.answer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.fragafacket.search.Analysis;

/** Chooses the answerer by {@code fraga.llm.provider} and builds the LangChain4j chat model it needs. */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    @Bean
    Answerer answerer(LlmProperties llm, Analysis analysis, Prompts prompts, AnswerProperties properties,
                      se.fragafacket.search.KnowledgeIndex index) {
        var extractive = new ExtractiveAnswerer(analysis, prompts, properties, 
                new se.fragafacket.answer.extract.DocumentDates(index)::date);
        if ("extractive".equals(llm.provider())) {
            log.info("Answering by extracting passages (no model server)");
            return extractive;
        }
        StreamingChatModel model = switch (llm.provider()) {
            case "openai" -> OpenAiStreamingChatModel.builder()
                    .baseUrl(or(llm.baseUrl(), "https://api.openai.com/v1"))
                    .apiKey(or(llm.apiKey(), "not-needed"))
                    .modelName(or(llm.model(), "gpt-4o-mini"))
                    .temperature(llm.temperature())
                    .timeout(llm.timeout())
                    .build();
            case "ollama" -> OllamaStreamingChatModel.builder()
                    .baseUrl(or(llm.baseUrl(), "http://localhost:11434"))
                    .modelName(or(llm.model(), "llama3.1"))
                    .temperature(llm.temperature())
                    .timeout(llm.timeout())
                    .build();
            default -> throw new IllegalStateException("Unknown fraga.llm.provider '" + llm.provider()
                    + "': use extractive, openai or ollama");
        };
        log.info("Answering with {} model '{}' at {}", llm.provider(), llm.model(), llm.baseUrl());
        return new ChatModelAnswerer(model, prompts, llm, properties, extractive);
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
