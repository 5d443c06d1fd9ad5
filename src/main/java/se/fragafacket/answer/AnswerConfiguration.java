package se.fragafacket.answer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.fragafacket.search.Analysis;

/** Chooses the answerer by {@code fraga.llm.provider}. */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

    @Bean
    Answerer answerer(LlmProperties llm, Analysis analysis, Prompts prompts, AnswerProperties properties) {
        return switch (llm.provider()) {
            case "extractive" -> new ExtractiveAnswerer(analysis, prompts, properties);
            default -> throw new IllegalStateException("Unknown fraga.llm.provider '" + llm.provider()
                    + "': use extractive, openai or ollama");
        };
    }
}
