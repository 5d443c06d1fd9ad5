package se.fragafacket.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * Puts a question's words right against the knowledge base's own vocabulary (the words of its passages as
 * written) before it is searched and answered:
 * <ul>
 *   <li>a word written without å/ä/ö, or with æ/ø for ä/ö ("manga", "vastsverige", "Østergøtland"), becomes
 *       the knowledge base's word, or the function word of the question's language, that folds to the same
 *       letters — the way Lucene's {@code ScandinavianFoldingFilter} folds;</li>
 *   <li>a word neither the knowledge base nor a general dictionary knows ("utbilding", "Mellansverge") is
 *       corrected to the knowledge base's closest word (both folded) by Lucene's {@link DirectSpellChecker}: one edit for
 *       words of 5–9 letters, two from 10, the first letter kept.</li>
 * </ul>
 * Words the knowledge base holds are never changed, nor real words of the language it does not hold
 * ("pizza" is not turned into a word of the documents), nor English questions' words.
 */
public final class Spelling {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_CORRECTED = 5;

    private final Analysis analysis;
    private final Lexicon lexicon;
    private final String field;
    private final String foldedField;
    /** One edit for shorter words, two for long ones; each configured once, so shared between threads. */
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    /** The folded form of every word of the vocabulary → its most frequent written form, per reader. */
    private IndexReader foldedFor;
    private Map<String, String> folded = Map.of();

    /**
     * @param field       the index's field of words as written (lower-cased)
     * @param foldedField the same words folded ({@link #fold}): a typo is looked for there, so "hostmotet" finds
     *                    "höstmöte" one edit away
     */
    public Spelling(Analysis analysis, Lexicon lexicon, String field, String foldedField) {
        this.analysis = analysis;
        this.lexicon = lexicon;
        this.field = field;
        this.foldedField = foldedField;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(edits);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(MIN_CORRECTED);
        return checker;
    }

    /** Folds as Lucene's Scandinavian folding does: å, ä, æ → a; ö, ø → o (lower case). */
    public static String fold(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(fold(c));
        }
        return out.toString();
    }

    /** A lower-case letter folded: å, ä, æ, á, à, â → a; ö, ø, ó, ò, ô → o; é, è, ê → e; any other as it is. */
    static char fold(char c) {
        return switch (c) {
            case 'å', 'ä', 'æ', 'á', 'à', 'â' -> 'a';
            case 'ö', 'ø', 'ó', 'ò', 'ô' -> 'o';
            case 'é', 'è', 'ê' -> 'e';
            default -> c;
        };
    }

    /** The text with its unknown words put right (see the class); everything else exactly as written. */
    public String respell(String text, Language language, IndexReader reader) {
        try {
            Map<String, String> vocabulary = foldedVocabulary(reader);
            CharArraySet own = analysis.questionStopWords(language);
            Matcher words = WORD.matcher(text);
            StringBuilder out = new StringBuilder();
            while (words.find()) {
                String word = words.group();
                String lower = word.toLowerCase(Locale.ROOT);
                String replacement = null;
                if (lower.length() >= 2 && !own.contains(lower) && !inIndex(reader, lower)) {
                    String restored = ownFunctionWord(lower, language);
                    replacement = restored != null ? restored : vocabulary.get(fold(lower));
                    if (replacement == null && language != Language.EN && lower.length() >= MIN_CORRECTED
                            && !lexicon.isWord(word)) {
                        DirectSpellChecker checker = lower.length() >= 10 ? twoEdits : oneEdit;
                        SuggestWord[] suggestions = checker.suggestSimilar(new Term(foldedField, fold(lower)), 1, reader,
                                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                        replacement = suggestions.length > 0
                                ? vocabulary.getOrDefault(suggestions[0].string, suggestions[0].string) : null;
                    }
                }
                words.appendReplacement(out, Matcher.quoteReplacement(
                        replacement == null || replacement.equals(lower) ? word : sameCase(word, replacement)));
            }
            words.appendTail(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "gor" in a Swedish question is "gör", "nar" is "när": the language's own function words. */
    private String ownFunctionWord(String lower, Language language) {
        String key = fold(lower);
        for (Object entry : analysis.questionStopWords(language)) {
            String candidate = new String((char[]) entry);
            if (!candidate.equals(lower) && fold(candidate).equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean inIndex(IndexReader reader, String word) throws IOException {
        return reader.docFreq(new Term(field, word)) > 0;
    }

    private synchronized Map<String, String> foldedVocabulary(IndexReader reader) throws IOException {
        if (reader == foldedFor) {
            return folded;
        }
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                String word = term.utf8ToString();
                String key = fold(word);
                if (key.equals(word)) {
                    continue; // nothing to restore: written as folded
                }
                int df = each.docFreq();
                if (df > frequency.getOrDefault(key, 0)) {
                    best.put(key, word);
                    frequency.put(key, df);
                }
            }
        }
        foldedFor = reader;
        folded = best;
        return best;
    }

    private static String sameCase(String original, String replacement) {
        if (original.chars().allMatch(Character::isUpperCase) && original.length() > 1) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }
}
