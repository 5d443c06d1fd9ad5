package se.fragafacket.answer;

import java.time.Clock;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
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
    Answerer answerer(LlmProperties llm, Analysis analysis, Prompts prompts, AnswerProperties properties, Clock clock,
                      se.fragafacket.search.KnowledgeIndex index) {
        var extractive = new ExtractiveAnswerer(analysis, prompts, properties, index::metadata, index::compoundHeads);
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
        return new ChatModelAnswerer(model, prompts, llm, properties, extractive, analysis, breaker(llm, clock));
    }

    /**
     * Opens after {@code breaker-failures} failed calls in a row; while open no call is made; after
     * {@code breaker-open-for} (on the service's clock) one call tries the server again and closes it on success.
     */
    static CircuitBreaker breaker(LlmProperties llm, Clock clock) {
        CircuitBreaker breaker = CircuitBreaker.of("model-server", CircuitBreakerConfig.custom()
                .slidingWindow(llm.breakerFailures(), llm.breakerFailures(), CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(llm.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Model server circuit: {}",
                switch (event.getStateTransition().getToState()) {
                    case OPEN -> "open, questions are answered by extraction for " + llm.breakerOpenFor().toSeconds() + " s";
                    case HALF_OPEN -> "half open, the next question tries the model server again";
                    case CLOSED -> "closed, the model server answers again";
                    default -> event.getStateTransition().getToState().toString();
                }));
        return breaker;
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
