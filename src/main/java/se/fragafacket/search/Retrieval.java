package se.fragafacket.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found, and the question's terms as each language's passages were searched with, weighted
 * by how rare they are in that language's passages, so an answerer can judge how much of the question a
 * passage covers.
 *
 * @param passages      best first
 * @param questionTerms per passage language: the question's ideas as that language's stems, weighted by rarity
 * @param contextTerms  the same for the earlier question of a follow-up (empty when none)
 */
public record Retrieval(List<Passage> passages, Map<Language, List<TermGroup>> questionTerms,
                        Map<Language, List<TermGroup>> contextTerms) {

    public List<TermGroup> questionTerms(Language language) {
        return questionTerms.getOrDefault(language, List.of());
    }

    public List<TermGroup> contextTerms(Language language) {
        return contextTerms.getOrDefault(language, List.of());
    }
}
