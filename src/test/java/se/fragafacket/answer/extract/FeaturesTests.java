package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;
import se.fragafacket.search.TermGroup;

class FeaturesTests {

    private final Analysis analysis = new Analysis();

    private Stems stems(String text) {
        return Stems.of(analysis.terms(text, Language.SV));
    }

    private TermGroup idea(String word, double weight, boolean name) {
        return new TermGroup(Set.copyOf(analysis.terms(word, Language.SV)), weight, name);
    }

    @Test
    void aCompoundsHeadHoldsTheIdeaItNamesAsAHeadNotAsTheWordAndNotInTheWordsInOrder() {
        Stems stems = Stems.of(List.of("medlemsmöt", "pension"), List.of("möt"));
        TermGroup meeting = new TermGroup(java.util.Set.of("möt"), 1, false);
        assertThat(stems.match(meeting)).isEqualTo(0.8); // as a compound's written head ("medlemsrekrytering")
        assertThat(Stems.of(List.of("medlemsmöt", "pension")).match(meeting)).isZero();
        assertThat(stems.joined()).isEqualTo(" medlemsmöt pension ");
        assertThat(stems.size()).isEqualTo(2);
    }

    @Test
    void aCompoundsWrittenFirstPartHoldsTheIdeaHalfway() {
        TermGroup video = new TermGroup(Set.of("video"), 1, false);
        assertThat(Stems.of(List.of("historisk", "videoprosjekt")).match(video)).isEqualTo(0.5);
        assertThat(Stems.of(List.of("videon")).match(video)).isEqualTo(0.9); // an inflection, as before
        // a short word is no first part: "med" is not held by "medlem"
        assertThat(Stems.of(List.of("medlemsavgift")).match(new TermGroup(Set.of("med"), 1, false))).isZero();
    }

    @Test
    void coverageWeighsRareIdeasAndCountsAKindOfFactNamedByTheQuestion() {
        List<TermGroup> asked = List.of(idea("medlemmar", 1, false), idea("Skåne", 3, true));
        assertThat(Features.coverage(asked, stems("Skåne har många medlemmar."), QuestionKind.OTHER, false)).isEqualTo(1.0);
        assertThat(Features.coverage(asked, stems("Vi har många medlemmar."), QuestionKind.OTHER, false)).isEqualTo(0.25);
        assertThat(Features.coverage(List.of(idea("telefonnummer", 1, false)), stems("Ring 040-611 22 00."),
                QuestionKind.PHONE, true)).isEqualTo(1.0);
        assertThat(Features.coverage(List.of(), stems("Vad som helst."), QuestionKind.OTHER, false)).isZero();
    }

    @Test
    void topicLeavesNamesOutAndTopicMissingLooksAtThePassageAndDocument() {
        List<TermGroup> asked = List.of(idea("kassör", 2, false), idea("Skåne", 3, true));
        assertThat(Features.topic(asked, stems("LO-distriktet i Skåne."), QuestionKind.OTHER, false)).isZero();
        assertThat(Features.topic(asked, stems("Kassör är Per Ek."), QuestionKind.OTHER, false)).isEqualTo(1.0);
        assertThat(Features.topicMissing(asked, stems("Skåne"), stems("Skåne"))).isEqualTo(1.0);
        assertThat(Features.topicMissing(asked, stems("Skåne"), stems("kassören"))).isEqualTo(0.5);
    }

    @Test
    void namesAreMatchedAsWrittenInflectedOrAsTheHeadOfACompoundButNotByStem() {
        assertThat(Features.nameIn("skane", Set.of("lo", "skanes"))).isTrue();
        assertThat(Features.nameIn("skanedistriktet", Set.of("skane"))).isTrue();
        assertThat(Features.nameIn("handels", Set.of("handelsanstalldas"))).isTrue();
        assertThat(Features.nameIn("bergen", Set.of("anders", "berg"))).isFalse();
        assertThat(Features.scopeHeld(List.of("lo", "skane"), in(Set.of("lo", "distriktet", "skane")))).isEqualTo(1.0);
        assertThat(Features.scopeHeld(List.of("lo", "norra"), in(Set.of("lo", "skane")))).isEqualTo(0.5);
        assertThat(Features.scopeHeld(List.of(), in(Set.of("lo")))).isZero();
        assertThat(Features.scopeAbsent(List.of("lo", "stockholm"), in(Set.of("lo", "skane")))).isEqualTo(1.0);
        assertThat(Features.scopeAbsent(List.of("lo"), in(Set.of("lo", "skane")))).isZero();
    }

    @Test
    void aNumberBeforeAnAskedWordCountsIt() {
        List<TermGroup> asked = List.of(idea("LO-distrikt", 1, false));
        assertThat(Features.countNoun(asked, analysis.terms("I dag finns det nio LO-distrikt.", Language.SV))).isTrue();
        assertThat(Features.countNoun(asked, analysis.terms("Antalet LO-distrikt har minskat.", Language.SV))).isFalse();
    }

    @Test
    void choiceLiteralAndNeighbours() {
        List<String> choices = analysis.terms("ökat minskat", Language.SV);
        assertThat(Features.choice(choices, stems("Antalet LO-distrikt har minskat."))).isEqualTo(1.0);
        assertThat(Features.choice(choices, stems("I dag finns det nio LO-distrikt."))).isZero();
        assertThat(Features.choice(List.of(), stems("Antalet har minskat."))).isZero();
        assertThat(Features.literal(List.of("lo-distrikt", "2024"), List.of("lo-distrikt", "finns"))).isEqualTo(0.5);
        assertThat(Features.literal(List.of(), List.of("x"))).isZero();
        List<TermGroup> asked = List.of(idea("facklig", 1, false), idea("utbildning", 1, false));
        assertThat(Features.neighbours(asked, analysis.terms("Vi ordnar facklig utbildning.", Language.SV))).isEqualTo(1.0);
        assertThat(Features.neighbours(asked, analysis.terms("Utbildning, men facklig?", Language.SV))).isZero();
    }

    @Test
    void aCaptionOrHeadingIsAFragmentASentenceOrListItemIsNot() {
        Passage passage = new Passage("d", "T", "T › Karta", "Karta Mellansverige med logga av distriktet\n"
                + "Huvudkontoret ligger i Katrineholm.\nVi gör:\n• skolinformation", Language.SV, 0, 1);
        List<Unit> units = Unit.of(passage, analysis);
        assertThat(units).extracting(Features::fragment).containsExactly(true, false, false, false);
    }

    @Test
    void anOlderCopyIsOneWithTheSameTitleAndAnEarlierDate() {
        Map<String, String> titles = Map.of("new", "Om oss – LO-distriktet i Skåne", "old", "Om oss - LO-distriktet i Skåne",
                "other", "Semester");
        Map<String, LocalDate> dates = Map.of("new", LocalDate.of(2024, 2, 15), "old", LocalDate.of(2021, 5, 4),
                "other", LocalDate.of(2025, 1, 1));
        assertThat(Features.olderCopy("old", Map.of("new", "Om oss", "old", "Om oss"), dates)).isTrue();
        assertThat(Features.olderCopy("new", Map.of("new", "Om oss", "old", "Om oss"), dates)).isFalse();
        assertThat(Features.olderCopy("other", titles, dates)).isFalse();
        assertThat(Features.olderCopy("old", titles, Map.of())).isFalse();
    }

    @Test
    void theVectorHasEveryNamedFeatureInOrder() {
        Passage passage = new Passage("lo-skane", "LO-distriktet i Skåne", "LO-distriktet i Skåne",
                "Distriktet har omkring 230 000 medlemmar.", Language.SV, 0, 1);
        var retrieval = new se.fragafacket.search.Retrieval(List.of(passage),
                Map.of(Language.SV, List.of(idea("medlemmar", 1, false), idea("Skåne", 2, true))), Map.of());
        double[] vector = vector("Hur många medlemmar har LO-distriktet i Skåne?", Language.SV, retrieval, passage);
        assertThat(vector).hasSize(Features.NAMES.size());
        assertThat(vector[Features.NAMES.indexOf("kindHeld")]).isEqualTo(1.0);
        assertThat(vector[Features.NAMES.indexOf("countNoun")]).isEqualTo(1.0);
        assertThat(vector[Features.NAMES.indexOf("scopeHeld")]).isEqualTo(1.0);
        assertThat(vector[Features.NAMES.indexOf("scopeAbsent")]).isZero();
        assertThat(vector[Features.NAMES.indexOf("rank")]).isEqualTo(1.0);
    }

    @Test
    void anEnglishQuestionsNameThatADocumentWritesAsAskedIsComparedAcrossLanguages() {
        Passage helpLine = new Passage("lo-mellansverige", "Om oss", "Om oss", "Ring fackets hjälptelefon 020-56 00 56.",
                Language.SV, 0, 2);
        Passage vestoppland = new Passage("lo-vestoppland", "Hva vi gjør", "Hva vi gjør",
                "LO i Vestoppland er en arbeidstakerorganisasjon.", Language.NO, 0, 1);
        var retrieval = new se.fragafacket.search.Retrieval(List.of(helpLine, vestoppland), Map.of(), Map.of());
        double[] named = vector("What is the phone number of LO in Vestoppland?", Language.EN, retrieval, helpLine);
        assertThat(named[Features.NAMES.indexOf("scopeAbsent")]).isEqualTo(1.0);
        // "Central Sweden" is written by no document: it may be a translation ("Mellansverige"), so not judged
        double[] translated = vector("What is the phone number of LO Central Sweden?", Language.EN, retrieval, helpLine);
        assertThat(translated[Features.NAMES.indexOf("scopeAbsent")]).isZero();
    }

    @Test
    void aYearAskedIsAScopeInAnyLanguageAndADocumentThatNeverMentionsItIsNotAnsweredFrom() {
        Passage plan = new Passage("verksamhetsplan-2024", "Verksamhetsplan 2024", "Verksamhetsplan 2024",
                "LO-kongressen hålls 17-20 maj.", Language.SV, 0, 1);
        var retrieval = new se.fragafacket.search.Retrieval(List.of(plan), Map.of(), Map.of());
        assertThat(vector("När är LO-kongressen 2025?", Language.SV, retrieval, plan)[Features.NAMES.indexOf("scopeAbsent")])
                .isEqualTo(1.0);
        assertThat(vector("When is the LO congress in 2025?", Language.EN, retrieval, plan)[Features.NAMES.indexOf("scopeAbsent")])
                .isEqualTo(1.0);
        assertThat(vector("När är LO-kongressen 2024?", Language.SV, retrieval, plan)[Features.NAMES.indexOf("scopeAbsent")])
                .isZero();
        assertThat(vector("När är LO-kongressen?", Language.SV, retrieval, plan)[Features.NAMES.indexOf("scopeAbsent")])
                .isZero();
    }

    @Test
    void aNameTheSynonymRingsTranslateIsHeldWhereAnyOfItsSpellingsIs() {
        Passage west = new Passage("verksamhetsplan-lo-vastsverige", "Verksamhetsplan", "Verksamhetsplan",
                "LO-distriktet i Västsverige har nästan 260 000 förbundsmedlemmar.", Language.SV, 0, 1);
        Passage middle = new Passage("lo-mellansverige-om-oss", "Om oss", "Om oss",
                "Distriktet har drygt 180 000 medlemmar.", Language.SV, 0, 1);
        // the ring "Västsverige, Vest-Sverige, Western Sweden" as retrieval gives it, in Swedish stems
        TermGroup ring = new TermGroup(Set.of("västsver", "vest sver", "western swed"), 2, true);
        var retrieval = new se.fragafacket.search.Retrieval(List.of(middle, west),
                Map.of(Language.SV, List.of(idea("medlemmar", 1, false), ring)), Map.of());
        for (String question : List.of("How many members does LO in Western Sweden have?",
                "Hvor mange medlemmer har LO i Vest-Sverige?")) {
            Language language = question.startsWith("How") ? Language.EN : Language.NO;
            assertThat(vector(question, language, retrieval, west)[Features.NAMES.indexOf("scopeAbsent")]).as(question).isZero();
            assertThat(vector(question, language, retrieval, west)[Features.NAMES.indexOf("scopeHeld")]).as(question).isPositive();
            assertThat(vector(question, language, retrieval, middle)[Features.NAMES.indexOf("scopeAbsent")]).as(question)
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aNameWrittenInLettersEnglishHasNotIsComparedAcrossLanguages() {
        Passage middle = new Passage("lo-mellansverige-om-oss", "Om oss", "Om oss",
                "Distriktet har drygt 180 000 medlemmar.", Language.SV, 0, 1);
        var retrieval = new se.fragafacket.search.Retrieval(List.of(middle), Map.of(), Map.of());
        assertThat(vector("How many members does LO Östfold have?", Language.EN, retrieval, middle)
                [Features.NAMES.indexOf("scopeAbsent")]).isEqualTo(1.0);
        assertThat(vector("How many members does LO Ostfold have?", Language.EN, retrieval, middle)
                [Features.NAMES.indexOf("scopeAbsent")]).isZero(); // may be an English word: not judged
    }

    private static java.util.function.Predicate<String> in(Set<String> words) {
        return name -> Features.nameIn(name, words);
    }

    /** A first question's feature vector for the first sentence of a passage. */
    private double[] vector(String question, Language language, se.fragafacket.search.Retrieval retrieval,
                            Passage passage) {
        QuestionAnalysis asked = QuestionAnalysis.of(question, language, analysis, "", false, Set.of(), "");
        Setting setting = Setting.of(asked, retrieval, analysis, p -> Unit.of(p, analysis), id -> DocumentMetadata.NONE);
        return Features.of(new Candidate(passage, 0, Unit.of(passage, analysis), 0), setting, analysis);
    }

    @Test
    void kindBesideLooksForTheAskedFactInTheClauseThatHoldsWhatIsAskedAboutIt() {
        List<TermGroup> asked = List.of(new TermGroup(Set.of(String.join(" ", analysis.terms("första maj", Language.SV))),
                2, false), idea("Västsverige", 3, true));
        assertThat(Features.kindBeside(asked, "Första maj 1 maj", QuestionKind.DATE, Language.SV, analysis))
                .isEqualTo(1.0);
        assertThat(Features.kindBeside(asked, "Aktiviteter såsom Kollektivavtalets dag 17/3, Första maj och "
                + "Skyddsombudens dag 23 oktober", QuestionKind.DATE, Language.SV, analysis)).isZero();
        List<TermGroup> days = List.of(idea("kommunanställda", 2, false), idea("40", 1, false));
        double rule = Features.kindBeside(days, "Alla anställda har rätt till 25 semesterdagar per år.",
                QuestionKind.NUMBER, Language.SV, analysis);
        double agreement = Features.kindBeside(days, "Enligt avtalet för kommunanställda får den som fyller 40 år "
                + "31 dagar och den som fyller 50 år 32 dagar.", QuestionKind.NUMBER, Language.SV, analysis);
        assertThat(agreement).isGreaterThan(rule);
    }

    @Test
    void aListQuestionsSortIsHeldWhereAnEnumerationStands() {
        QuestionAnalysis question = QuestionAnalysis.of("Vilka yrken har medlemmarna?", Language.SV, analysis, "",
                false, Set.of(), "");
        List<TermGroup> asked = List.of(idea("yrken", 2, false), idea("medlemmarna", 1, false));
        Stems enumeration = stems("Medlemmar är undersköterskor, elektriker och byggnadsarbetare.");
        assertThat(Features.coverage(asked, enumeration, question::namesKind, true)).isEqualTo(1.0);
        assertThat(Features.coverage(asked, enumeration, question::namesKind, true, 0.5)).isCloseTo(2 / 3.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Features.coverage(asked, stems("Medlemmar har yrken som undersköterskor, elektriker och målare."),
                question::namesKind, true, 0.5)).isEqualTo(1.0);
        assertThat(Features.coverage(asked, enumeration, question::namesKind, false)).isCloseTo(1 / 3.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Features.topicMissing(asked, enumeration, Stems.EMPTY, question::namesKind, true)).isZero();
        assertThat(Features.topicMissing(asked, enumeration, Stems.EMPTY, question::namesKind, false))
                .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSentenceSpeakingByPronounIsJudgedWithTheSentenceNamingThePerson() {
        Passage passage = new Passage("lo-norr", "LO-distriktet i Norra Sverige", "Styrelse",
                "Ordförande är Kristina Lind. Hon nås på kristina.lind@lo-norr.example.se.", Language.SV, 0, 1);
        QuestionAnalysis question = QuestionAnalysis.of("Vilken mejladress har ordföranden?", Language.SV,
                analysis, "", false, Set.of(), "");
        var retrieval = new se.fragafacket.search.Retrieval(List.of(passage),
                Map.of(Language.SV, List.of(idea("mejladress", 1, false), idea("ordföranden", 1, false))), Map.of());
        Setting setting = Setting.of(question, retrieval, analysis, p -> Unit.of(p, analysis), id -> DocumentMetadata.NONE);
        List<Unit> units = Unit.of(passage, analysis);
        double[] pronoun = Features.of(new Candidate(passage, 0, units, 1), setting, analysis);
        assertThat(pronoun[Features.NAMES.indexOf("coverage")]).isEqualTo(1.0);
        assertThat(pronoun[Features.NAMES.indexOf("kindHeld")]).isEqualTo(1.0);
    }
}
