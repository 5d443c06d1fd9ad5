package se.fragafacket.answer.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;

import se.fragafacket.search.Analysis;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.Retrieval;
import se.fragafacket.search.TermGroup;

/**
 * What every candidate of one question is judged against: the analysed question, its weighted ideas in each
 * passage language (from retrieval), and what each retrieved document holds and is about.
 *
 * @param documentText    per document, the stems of all its retrieved passages
 * @param documentSubject per document, the folded stems of its name, title and headings: what it is about
 * @param documentDate    per document, the date it states for itself, where known
 * @param documentTitle   per document, its title
 * @param names           the names the question gives, folded: capitalised words, and words that name a
 *                        retrieved document in its file name or title ("skåne", "semester")
 * @param documentNames   per document, the folded words of its file name, title, organisation, district and
 *                        region: whom and what it is about
 * @param documentWords   per document, the folded words of its name, title, headings and retrieved passages
 * @param namesComparable of the names asked, those that can be compared with a document in another language: as
 *                        some retrieved document is named by them, translated by a ring, or written in letters
 *                        English has not ("Östfold", "Björk"), so no English word
 * @param nameRings       per name asked that a synonym ring translates ("Western Sweden", "Vest-Sverige"), the
 *                        ring's other spellings as folded words ("vastsverig"): a document holding one holds the name
 */
public record Setting(QuestionAnalysis question, Retrieval retrieval, Map<String, Stems> documentText,
                      Map<String, Stems> documentSubject, Map<String, LocalDate> documentDate,
                      Map<String, String> documentTitle, List<String> names,
                      Map<String, Set<String>> documentNames, Map<String, Set<String>> documentWords,
                      List<String> namesComparable, Map<String, List<List<String>>> nameRings) {

    /** Whether some words hold a name asked: as written, or as its synonym ring spells it in another language. */
    public boolean holds(String name, Set<String> words) {
        if (Features.nameIn(name, words)) {
            return true;
        }
        for (List<String> spelling : nameRings.getOrDefault(name, List.of())) {
            if (spelling.size() == 1 ? stemIn(spelling.get(0), words)
                    : spelling.stream().allMatch(part -> Features.nameIn(part, words))) {
                return true;
            }
        }
        return false;
    }

    /** A ring's spelling is a stem ("vastsver"): held by a word it begins ("vastsverige", "vastsveriges"). */
    private static boolean stemIn(String stem, Set<String> words) {
        if (stem.length() < 4) {
            return words.contains(stem);
        }
        for (String word : words) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    /** The question's ideas in a passage language; a follow-up saying nothing new falls back on the earlier question. */
    public List<TermGroup> asked(Language language) {
        List<TermGroup> asked = retrieval.questionTerms(language);
        return asked.isEmpty() ? retrieval.contextTerms(language) : asked;
    }

    /** The earlier question's ideas, when this one adds its own. */
    public List<TermGroup> context(Language language) {
        return retrieval.questionTerms(language).isEmpty() ? List.of() : retrieval.contextTerms(language);
    }

    /**
     * @param documents each document's metadata by its id (whom it speaks for, its date); {@link
     *                  DocumentMetadata#NONE} where nothing is known
     */
    public static Setting of(QuestionAnalysis question, Retrieval retrieval, Analysis analysis,
                             Function<Passage, List<Unit>> units, Function<String, DocumentMetadata> documents) {
        Map<String, List<String>> text = new HashMap<>();
        Map<String, List<String>> subject = new HashMap<>();
        Map<String, LocalDate> date = new HashMap<>();
        Map<String, String> title = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> words = new HashMap<>();
        Map<String, DocumentMetadata> metadata = new HashMap<>();
        for (Passage passage : retrieval.passages()) {
            DocumentMetadata known = metadata.computeIfAbsent(passage.documentId(), documents);
            // the organisation, district and region it speaks for name a document too
            String own = passage.documentId().replace('-', ' ').replace('_', ' ') + "\n" + passage.title();
            Set<String> named = names.computeIfAbsent(passage.documentId(),
                    id -> folded(analysis, own + "\n" + speaker(known)));
            words.computeIfAbsent(passage.documentId(), id -> new HashSet<>(named))
                    .addAll(folded(analysis, passage.headingPath() + "\n" + passage.text()));
            List<String> sequence = text.computeIfAbsent(passage.documentId(), id -> new ArrayList<>());
            sequence.addAll(analysis.terms(passage.title() + "\n" + passage.headingPath(), passage.language()));
            units.apply(passage).forEach(unit -> sequence.addAll(unit.sequence()));
            String about = passage.documentId().replace('-', ' ').replace('_', ' ') + "\n" + passage.title() + "\n"
                    + passage.headingPath();
            subject.computeIfAbsent(passage.documentId(), id -> new ArrayList<>())
                    .addAll(analysis.terms(Text.fold(about), passage.language()));
            title.putIfAbsent(passage.documentId(), passage.title());
            if (known.date() != null) {
                date.put(passage.documentId(), known.date());
            }
        }
        Map<String, Stems> textStems = new HashMap<>();
        text.forEach((id, s) -> textStems.put(id, Stems.of(s)));
        Map<String, Stems> subjectStems = new HashMap<>();
        subject.forEach((id, s) -> subjectStems.put(id, Stems.of(s)));
        List<String> asked = new ArrayList<>(question.names());
        for (String word : question.words()) {
            String fold = Text.fold(word);
            if (fold.length() >= 4 && !asked.contains(fold)
                    && names.values().stream().anyMatch(set -> Features.nameIn(fold, set))) {
                asked.add(fold);
            }
        }
        // a name that some retrieved document is named by as the question writes it ("Vestoppland") is that name
        // in any language; a word its text merely holds ("central") may be an English word
        List<String> asWritten = new ArrayList<>(asked.stream()
                .filter(name -> names.values().stream().anyMatch(set -> Features.nameIn(name, set))).toList());
        // a year asked is written alike in every language and says which time is meant, as a name says whose
        // documents are: "LO-kongressen 2025" is not answered from a plan that never mentions 2025
        for (String word : question.words()) {
            if (YEAR.matcher(word).matches()) {
                for (List<String> list : List.of(asked, asWritten)) {
                    if (!list.contains(word)) {
                        list.add(word);
                    }
                }
            }
        }
        // a name the organisation's synonym rings translate is held where any of its spellings is
        Map<String, List<List<String>>> rings = new HashMap<>();
        for (Language language : Language.values()) {
            for (TermGroup group : retrieval.questionTerms(language)) {
                if (!group.scope() || group.alternatives().size() < 2) {
                    continue;
                }
                List<List<String>> spellings = group.alternatives().stream()
                        .map(a -> List.of(Text.fold(a).split(" "))).toList();
                for (String name : asked) {
                    // the name is a word of one of the ring's spellings, or that word's stem ("sver" of "sverige")
                    if (spellings.stream().anyMatch(parts -> parts.stream().anyMatch(p -> Features.nameIn(name, Set.of(p))
                            || p.length() >= 4 && name.startsWith(p)))) {
                        rings.computeIfAbsent(name, n -> new ArrayList<>()).addAll(spellings);
                    }
                }
            }
        }
        // read once per question, not per candidate sentence
        List<String> comparable = asked.stream().filter(n -> asWritten.contains(n) || rings.containsKey(n)
                || question.words().stream().anyMatch(w -> !w.equals(Text.fold(w)) && Text.fold(w).equals(n))).toList();
        return new Setting(question, retrieval, textStems, subjectStems, date, title, asked, names, words, comparable,
                rings);
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?:19|20)\\d\\d");

    /** Whom a document speaks for, as one text: its organisation, district and region, or "". */
    private static String speaker(DocumentMetadata metadata) {
        return java.util.stream.Stream.of(metadata.organisation(), metadata.district(), metadata.region())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Set<String> folded(Analysis analysis, String text) {
        Set<String> out = new HashSet<>();
        for (String word : analysis.exactTerms(text)) {
            out.add(Text.fold(word));
            for (String part : Text.fold(word).split("-")) {
                out.add(part);
            }
        }
        return out;
    }
}
