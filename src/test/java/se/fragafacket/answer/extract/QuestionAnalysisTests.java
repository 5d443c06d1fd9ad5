package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;

class QuestionAnalysisTests {

    private final Analysis analysis = new Analysis();

    private QuestionAnalysis of(String text, String previous) {
        return QuestionAnalysis.of(text, Language.SV, analysis, previous, !previous.isEmpty(), Set.of(), "");
    }

    @Test
    void namesKindAndChoicesAreReadOnce() {
        QuestionAnalysis q = of("Hur många medlemmar har LO-distriktet i Skåne?", "");
        assertThat(q.kind()).isEqualTo(QuestionKind.NUMBER);
        assertThat(q.names()).contains("lo", "skane");
        QuestionAnalysis choice = of("Har antalet LO-distrikt ökat eller minskat?", "");
        assertThat(choice.choices()).hasSize(2);
        assertThat(choice.kind()).isEqualTo(QuestionKind.OTHER);
    }

    @Test
    void aFollowUpCarriesTheEarlierQuestionsNamesUnlessItNamesItsOwn() {
        assertThat(of("Vilket telefonnummer har hon?", "Vem leder LO i Trondheim?").names()).contains("trondheim");
        assertThat(of("Och i Skåne?", "Vem leder LO i Trondheim?").names()).contains("skane").doesNotContain("trondheim");
    }

    @Test
    void aQuestionPointingBackWithNoEarlierTurnIsAnOrphanButAQuestionOfItsOwnIsNot() {
        QuestionAnalysis orphan = of("Vem är ansvarig för det?", "");
        assertThat(orphan.orphanFollowUp(analysis.queryTerms(orphan.text(), Language.SV).size())).isTrue();
        QuestionAnalysis own = of("Hur många lo distrikt finns det?", "");
        assertThat(own.orphanFollowUp(analysis.queryTerms(own.text(), Language.SV).size())).isFalse();
        QuestionAnalysis followUp = of("Vem är ansvarig för det?", "Vad gör LO-distriktet i Skåne?");
        assertThat(followUp.orphanFollowUp(1)).isFalse();
    }

    @Test
    void anExpletivePronounPointsNowhere() {
        assertThat(QuestionAnalysis.pointsBack("Vad är det egentligen jag ska göra som ledamot?")).isFalse();
        assertThat(QuestionAnalysis.pointsBack("Vem är det som bestämmer i styrelsen?")).isFalse();
        assertThat(QuestionAnalysis.pointsBack("Finns det något arvode?")).isFalse();
        assertThat(QuestionAnalysis.pointsBack("Is there a fee?")).isFalse();
        assertThat(QuestionAnalysis.pointsBack("Hvor mange fagforeninger fins det?")).isFalse();
        // a bare "what is it", and a pronoun in the clause after a cleft, still point back
        assertThat(QuestionAnalysis.pointsBack("Vad är det?")).isTrue();
        assertThat(QuestionAnalysis.pointsBack("Vem är det som ansvarar för det?")).isTrue();
        assertThat(QuestionAnalysis.pointsBack("Vem är ansvarig för det?")).isTrue();
        QuestionAnalysis cleft = of("Vad är det egentligen jag ska göra som ledamot?", "");
        assertThat(cleft.orphanFollowUp(analysis.queryTerms(cleft.text(), Language.SV).size())).isFalse();
    }

    @Test
    void aListQuestionNamesTheSortItAsksForAndADurationQuestionIsItsOwnKind() {
        QuestionAnalysis list = of("Vilka yrken har medlemmarna i förbunden?", "");
        assertThat(list.kind()).isEqualTo(QuestionKind.LIST);
        assertThat(list.sort()).isEqualTo(analysis.terms("yrken", Language.SV));
        assertThat(list.namesKind(analysis.terms("yrken", Language.SV).get(0))).isTrue();
        assertThat(list.namesKind(analysis.terms("medlemmarna", Language.SV).get(0))).isFalse();
        assertThat(of("Vilka tre målområden har LO?", "").sort()).isEqualTo(analysis.terms("målområden", Language.SV));
        assertThat(of("Vilket parti samverkar LO-facken med?", "").kind()).isNotEqualTo(QuestionKind.LIST);
        assertThat(of("Vilka är medlemmar?", "").sort()).isEmpty(); // "är" is no sort of thing
        assertThat(of("Hur länge sitter styrelsen?", "").kind()).isEqualTo(QuestionKind.DURATION);
        // "när" asks for a date where it opens the question or a clause of it, not in a yes/no question's case
        assertThat(QuestionKind.of("När hålls årsmötet?")).isEqualTo(QuestionKind.DATE);
        assertThat(QuestionKind.of("Och når er årsmøtet?")).isEqualTo(QuestionKind.DATE);
        assertThat(QuestionKind.of("Årsmötet, när hålls det?")).isEqualTo(QuestionKind.DATE);
        assertThat(QuestionKind.of("Jag vill veta när årsmötet hålls")).isEqualTo(QuestionKind.DATE);
        assertThat(QuestionKind.of("Should the safety rep be involved when the company buys new machines?"))
                .isNotEqualTo(QuestionKind.DATE);
        assertThat(QuestionKind.of("Ska skyddsombudet vara med när nya maskiner köps?")).isNotEqualTo(QuestionKind.DATE);
        assertThat(of("Hur når jag henne?", "Vem är ordförande?").kind()).isEqualTo(QuestionKind.PHONE);
        assertThat(QuestionKind.of("How do I contact the safety representative?")).isEqualTo(QuestionKind.PHONE);
        assertThat(QuestionKind.DURATION.heldBy("Styrelsen väljs för två år i taget.")).isTrue();
        assertThat(QuestionKind.DURATION.heldBy("Styrelsen har sju ledamöter.")).isFalse();
        // until when it holds answers how long it holds
        assertThat(QuestionKind.DURATION.heldBy("LO har en utvecklingsplan som gäller fram till 2026.")).isTrue();
        assertThat(QuestionKind.DURATION.heldBy("Avtalet gjelder frem til 31. desember.")).isTrue();
        assertThat(QuestionKind.DURATION.heldBy("Planen för 2024–2026 antogs i maj.")).isTrue();
        assertThat(QuestionKind.DURATION.heldBy("Kongressen antog planen 2024.")).isFalse();
        assertThat(QuestionKind.LIST.heldBy("Medlemmar är undersköterskor, elektriker och byggnadsarbetare.")).isTrue();
        assertThat(QuestionKind.LIST.heldBy("Medlemmar finns i hela regionen.")).isFalse();
        assertThat(QuestionKind.NUMBER.heldBy("Omkring hälften av medlemmarna arbetar på ackord.")).isTrue();
    }

    @Test
    void aQuestionAfterACostAsksForAnAmountOfMoney() {
        assertThat(QuestionKind.of("Vad kostar grundkursen?")).isEqualTo(QuestionKind.PRICE);
        assertThat(QuestionKind.of("Hur mycket betalar man i medlemsavgift?")).isEqualTo(QuestionKind.PRICE);
        assertThat(QuestionKind.of("Hva koster kurset?")).isEqualTo(QuestionKind.PRICE);
        assertThat(QuestionKind.of("How much does it cost to go to the study conference?")).isEqualTo(QuestionKind.PRICE);
        assertThat(QuestionKind.of("What is the fee for students?")).isEqualTo(QuestionKind.PRICE);
        // a yes/no question about paying, or a "how many", is not after an amount
        assertThat(QuestionKind.of("Kan jag slippa betala avgiften när jag är föräldraledig?")).isNotEqualTo(QuestionKind.PRICE);
        assertThat(QuestionKind.of("Hur många medlemmar betalar avgift?")).isEqualTo(QuestionKind.NUMBER);
        assertThat(QuestionKind.PRICE.heldBy("Tjänar du under 15 000 kronor betalar du 170 kronor i månaden.")).isTrue();
        assertThat(QuestionKind.PRICE.heldBy("Målet är att 25% av ledamöterna ska vara under 30 år.")).isFalse();
        assertThat(QuestionKind.PRICE.heldBy("Kursen är kostnadsfri för medlemmar.")).isTrue();
        assertThat(QuestionKind.PRICE.heldBy("Kursen är två dagar lång och ges i Linköping.")).isFalse();
        assertThat(QuestionKind.PRICE.heldBy("Studiekonferens 1-3 oktober, alltid vecka 40")).isFalse();
        assertThat(QuestionKind.PRICE.needsEvidence()).isTrue();
    }

    @Test
    void aCountAskedByItsNounIsANumber() {
        assertThat(QuestionKind.of("antall fagforeninger i LO i Trondheim?")).isEqualTo(QuestionKind.NUMBER);
        assertThat(QuestionKind.of("Hva er antallet LO-fack i Östergötland?")).isEqualTo(QuestionKind.NUMBER);
        assertThat(QuestionKind.of("What is the number of members in LO in Trondheim?")).isEqualTo(QuestionKind.NUMBER);
        // the number of a place or a person is the one to call
        assertThat(QuestionKind.of("whats the number of the LO office in Skåne?")).isEqualTo(QuestionKind.PHONE);
        assertThat(QuestionKind.of("what is the number for LO Skåne?")).isEqualTo(QuestionKind.PHONE);
        assertThat(QuestionKind.of("What is the phone number of LO Western Sweden?")).isNotEqualTo(QuestionKind.NUMBER);
        // the word that asks is held where a count stands
        assertThat(QuestionKind.NUMBER.namedBy("number")).isTrue();
        assertThat(QuestionKind.NUMBER.namedBy("antall")).isTrue();
    }

    @Test
    void aQuestionIsReadOnceInItsConversationAndOnlyAFollowUpCarriesTheEarlierTurn() {
        QuestionAnalysis followUp = QuestionAnalysis.read("Vilket telefonnummer har hon?", Language.SV, analysis,
                "Vem leder LO i Trondheim?", Set.of("lo-trondheim"), "Leder er Ingrid Haugen.");
        assertThat(followUp.followUp()).isTrue();
        assertThat(followUp.previous()).isEqualTo("Vem leder LO i Trondheim?");
        assertThat(followUp.previousDocuments()).containsExactly("lo-trondheim");
        assertThat(followUp.names()).contains("trondheim");
        QuestionAnalysis fresh = QuestionAnalysis.read("Hur många LO-distrikt finns det idag?", Language.SV, analysis,
                "Vem leder LO i Trondheim?", Set.of("lo-trondheim"), "Leder er Ingrid Haugen.");
        assertThat(fresh.followUp()).isFalse();
        assertThat(fresh.previous()).isEmpty();
        assertThat(fresh.previousDocuments()).isEmpty();
        assertThat(QuestionAnalysis.read("Och i Skåne?", Language.SV, analysis, "", Set.of(), "").followUp()).isFalse();
    }
}
