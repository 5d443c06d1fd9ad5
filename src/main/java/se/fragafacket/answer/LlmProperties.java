package se.fragafacket.answer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model, if any.
 *
 * @param provider    {@code extractive} (no model: answers by quoting the documents), {@code openai} (any
 *                    OpenAI-compatible server) or {@code ollama}
 * @param baseUrl     the server; empty for the provider's usual one
 * @param model       the chat model's name; empty for a sensible default per provider
 * @param apiKey      the key, when the server wants one
 * @param temperature sampling temperature; low keeps answers close to the passages
 * @param timeout     how long to wait for the model
 * @param promptsDir  folder of the prompt files staff may edit
 */
@ConfigurationProperties("fraga.llm")
public record LlmProperties(
        @DefaultValue("extractive") String provider,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("0.1") double temperature,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("prompts") Path promptsDir) {
}
