package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/** When a second document is quoted beside the best answer, decided on small constructed candidates. */
class ConflictsTests {

    private final Analysis analysis = new Analysis();

    private Decision.Scored scored(String documentId, String sentence, double probability, Map<String, Double> set) {
        Passage passage = new Passage(documentId, documentId, documentId, sentence, Language.SV, 0, 1);
        List<Unit> units = Unit.of(passage, analysis);
        double[] features = new double[Features.NAMES.size()];
        set.forEach((name, value) -> features[Features.NAMES.indexOf(name)] = value);
        return new Decision.Scored(new Candidate(passage, 0, units, 0), features, probability, units);
    }

    private Decision decision(Decision.Scored... ranked) {
        return new Decision(true, "svarat", 0.2, new ArrayList<>(List.of(ranked)));
    }

    private static final Map<String, Double> ANSWERS = Map.of("topic", 1.0, "kindHeld", 1.0, "kindBeside", 1.0);

    @Test
    void aTermOfAnotherLengthInAnotherDistrictIsQuotedBesideTheBest() {
        var norr = scored("lo-norr", "Styrelsen väljs för två år i taget.", 0.9, ANSWERS);
        var skane = scored("lo-skane", "Styrelsen väljs för ett år i taget.", 0.85, ANSWERS);
        assertThat(Conflicts.differing(decision(norr, skane), QuestionKind.DURATION)).isSameAs(skane);
    }

    @Test
    void theSameFactInAnotherDocumentIsNoDisagreement() {
        var one = scored("lo-norr", "Styrelsen väljs för två år i taget.", 0.9, ANSWERS);
        var copy = scored("lo-lokalt", "Hela styrelsen väljs för två år.", 0.88, ANSWERS);
        assertThat(Conflicts.differing(decision(one, copy), QuestionKind.DURATION)).isNull();
    }

    @Test
    void aSentenceThatOnlySharesWordsWithTheQuestionIsNoDisagreement() {
        // "Hur många LO-distrikt finns det?": nine districts, against fifteen LO-fack of one district
        var nine = scored("lo-lokalt", "I dag finns det nio LO-distrikt.", 0.9,
                Map.of("topic", 1.0, "kindHeld", 1.0, "countNoun", 1.0, "kindBeside", 1.0));
        var fifteen = scored("lo-mellansverige", "Distriktet är indelat i 15 stycken LO-fack.", 0.88,
                Map.of("topic", 1.0, "kindHeld", 1.0, "kindBeside", 0.5));
        assertThat(Conflicts.differing(decision(nine, fifteen), QuestionKind.NUMBER)).isNull();
        var lessOnTopic = scored("lo-norr", "Det finns 12 medlemmar i distriktet.", 0.88,
                Map.of("topic", 0.5, "kindHeld", 1.0, "countNoun", 1.0, "kindBeside", 1.0));
        assertThat(Conflicts.differing(decision(nine, lessOnTopic), QuestionKind.NUMBER)).isNull();
        var noFact = scored("lo-norr", "LO-distrikten samarbetar.", 0.88, Map.of("topic", 1.0));
        assertThat(Conflicts.differing(decision(nine, noFact), QuestionKind.NUMBER)).isNull();
    }

    @Test
    void aQuestionNamingADistrictHearsOnlyThatDistrictAndAnOlderCopyNeverSpeaks() {
        var named = new java.util.HashMap<>(ANSWERS);
        named.put("scopeHeld", 1.0);
        var skane = scored("lo-skane", "Styrelsen väljs för två år i taget.", 0.9, named);
        var other = scored("lo-norr", "Styrelsen väljs för ett år i taget.", 0.89, ANSWERS);
        assertThat(Conflicts.differing(decision(skane, other), QuestionKind.DURATION)).isNull();
        var older = new java.util.HashMap<>(named);
        older.put("olderCopy", 1.0);
        var oldCopy = scored("lo-skane-2021", "Styrelsen väljs för ett år i taget.", 0.89, older);
        assertThat(Conflicts.differing(decision(skane, oldCopy), QuestionKind.DURATION)).isNull();
        var sameDistrict = scored("lo-skane-stadgar", "Styrelsen väljs för ett år i taget.", 0.89, named);
        assertThat(Conflicts.differing(decision(skane, sameDistrict), QuestionKind.DURATION)).isSameAs(sameDistrict);
    }

    @Test
    void anAnswerFarLessLikelyThanTheBestOrTheSameDocumentIsNotQuoted() {
        var best = scored("lo-norr", "Styrelsen väljs för två år i taget.", 0.9, ANSWERS);
        var unlikely = scored("lo-skane", "Styrelsen väljs för ett år i taget.", 0.5, ANSWERS);
        assertThat(Conflicts.differing(decision(best, unlikely), QuestionKind.DURATION)).isNull();
        var same = scored("lo-norr", "Revisorerna väljs för ett år i taget.", 0.89, ANSWERS);
        assertThat(Conflicts.differing(decision(best, same), QuestionKind.DURATION)).isNull();
        assertThat(Conflicts.differing(decision(best), QuestionKind.DURATION)).isNull();
    }

    @Test
    void factsOfTheAskedKindAreComparedAsWritten() {
        assertThat(Conflicts.facts("Ring 0150-732 52 eller 0150 73252.", QuestionKind.PHONE)).hasSize(1);
        assertThat(Conflicts.facts("Mandattiden är tre år.", QuestionKind.OTHER)).containsExactly("tre");
        assertThat(Conflicts.facts("En stark lokal verksamhet.", QuestionKind.OTHER)).isEmpty();
    }
}
