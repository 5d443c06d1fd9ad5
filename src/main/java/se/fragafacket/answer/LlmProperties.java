package se.fragafacket.answer;

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
 * @param promptsDir  folder whose system.txt, question.txt or no-answer.txt replace the built-in prompts, where
 *                    it exists (a plain file path: a String, so Spring never resolves it on the classpath)
 * @param breakerFailures  after this many failed or timed-out calls in a row the model is not asked for a
 *                         while: questions get the extractive answer at once instead of waiting out the timeout
 * @param breakerOpenFor   how long the model is left alone then, before one question tries it again
 */
@ConfigurationProperties("fraga.llm")
public record LlmProperties(
        @DefaultValue("extractive") String provider,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("0.1") double temperature,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("prompts") String promptsDir,
        @DefaultValue("3") int breakerFailures,
        @DefaultValue("30s") Duration breakerOpenFor) {

    public LlmProperties {
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("fraga.llm.breaker-failures must be 1 or more");
        }
        if (breakerOpenFor == null || breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
            throw new IllegalArgumentException("fraga.llm.breaker-open-for must be a positive duration such as 30s");
        }
    }
}
