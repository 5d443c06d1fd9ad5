package se.fragafacket.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retrieval tuning.
 *
 * @param candidates       passages each retriever returns before fusion
 * @param rrfK             the k of reciprocal rank fusion; larger flattens the ranks
 * @param headingBoost     weight of a term found in a passage's heading path
 * @param exactBoost       weight of an unstemmed word (names, numbers) found as written
 * @param compoundBoost    weight of a question word found as the last part of a compound ("rekrytering" in "medlemsrekrytering")
 * @param contextBoost     weight of the earlier question's words when a follow-up is searched
 * @param embeddings       dense retrieval: {@code none}, or {@code model} to embed with the configured embedding model
 */
@ConfigurationProperties("fraga.search")
public record SearchProperties(
        @DefaultValue("20") int candidates,
        @DefaultValue("60") int rrfK,
        @DefaultValue("1.5") float headingBoost,
        @DefaultValue("0.4") float exactBoost,
        @DefaultValue("0.4") float compoundBoost,
        @DefaultValue("0.6") float contextBoost,
        @DefaultValue("none") String embeddings) {
}
