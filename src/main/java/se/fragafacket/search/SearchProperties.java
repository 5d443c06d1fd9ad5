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
 * @param focusBoost       score added to passages of the documents a follow-up's conversation is about
 * @param synonyms         search a question's words by their synonyms too: the organisation's list (staff's, or
 *                         the built-in one), which also joins Swedish, Norwegian and English words, and the
 *                         general dictionaries below
 * @param norwegianToSwedish a Norwegian question's words are also searched in their regular Swedish spelling where
 *                         the Swedish Hunspell dictionary knows it ("forhandling" → "förhandling")
 * @param thesaurus        a Swedish or Norwegian question's word the knowledge base does not hold is also searched by
 *                         the LibreOffice thesaurus' synonyms the knowledge base holds (weighing half)
 * @param thesaurusDir     where the MyThes thesauri are installed (Debian mythes-sv, mythes-no)
 * @param embeddings       dense retrieval fused with BM25: {@code none}, or {@code model} to embed with the model
 *                         server's embedding model
 * @param embeddingModel   that model's name (a multilingual one, e.g. bge-m3)
 */
@ConfigurationProperties("fraga.search")
public record SearchProperties(
        @DefaultValue("20") int candidates,
        @DefaultValue("60") int rrfK,
        @DefaultValue("1.5") float headingBoost,
        @DefaultValue("0.4") float exactBoost,
        @DefaultValue("1.0") float compoundBoost,
        @DefaultValue("0.6") float contextBoost,
        @DefaultValue("2.0") float focusBoost,
        @DefaultValue("true") boolean synonyms,
        @DefaultValue("true") boolean norwegianToSwedish,
        @DefaultValue("true") boolean thesaurus,
        @DefaultValue("/usr/share/mythes") java.nio.file.Path thesaurusDir,
        @DefaultValue("none") String embeddings,
        @DefaultValue("bge-m3") String embeddingModel) {
}
