package se.fragafacket.search;

import java.util.Set;

/**
 * One idea of a question, as stems a passage may hold it by (the word itself, its synonyms).
 *
 * @param alternatives stems in the passage language's analysis
 * @param weight       inverse document frequency of the idea among that language's passages; an idea no
 *                     passage holds weighs the most
 * @param scope        the idea is a name the member wrote capitalised ("Vestoppland", "LO"): it says whose
 *                     documents are meant, so a document about it answers for it as a whole
 */
public record TermGroup(Set<String> alternatives, double weight, boolean scope) {
}
