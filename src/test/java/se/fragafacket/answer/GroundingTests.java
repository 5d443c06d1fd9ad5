package se.fragafacket.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

/** A model's answer checked against the passages it was given, with the real analysis. */
class GroundingTests {

    private static final Analysis ANALYSIS = new Analysis();
    private static final List<Passage> PASSAGES = List.of(
            new Passage("lokalt", "Lokalt och regionalt", "Lokalt och regionalt › Regional samlingsplats",
                    "I dag finns det nio LO-distrikt av varierande storlek.", Language.SV, 3, 3.0),
            new Passage("mellansverige", "Om oss", "Om oss › Styrelsen",
                    "Chef-Ombudsman och kassör är Per Ek. Tel: 0150-732 52\nE-post: per.ek@lo.se\n"
                            + "Distriktet har drygt 180 000 medlemmar och 15 LO-fack. Mötet hålls 2024-05-14 kl. 9.00–16.00.",
                    Language.SV, 7, 2.0),
            new Passage("vestoppland", "Hva vi gjør", "Hva vi gjør › LO-kongress 2025",
                    "Arbeide med å få fram forslag til LO-kongressen fra fagforeningene.", Language.NO, 2, 1.0));
    private final Grounding grounding = new Grounding(ANALYSIS, PASSAGES,
            List.of("Vem är kassör i Mellansverige?", "Ring Fråga facket på 020-56 00 56."));

    @Test
    void acceptsWhatThePassagesHoldHoweverItIsWritten() {
        assertThat(grounding.unsupported("Det finns 9 LO-distrikt.")).isEmpty();
        assertThat(grounding.unsupported("Ring Per Ek på 0150-73252 eller skriv till per.ek@lo.se.")).isEmpty();
        assertThat(grounding.unsupported("Distriktet har drygt 180000 medlemmar i 15 LO-fack i Mellansveriges län.")).isEmpty();
        assertThat(grounding.unsupported("Mötet är den 2024-05-14 mellan 9.00 och 16.00.")).isEmpty();
        assertThat(grounding.unsupported("Per Eks telefon: 0150-732 52. LO:s distrikt är nio.")).isEmpty();
        assertThat(grounding.unsupported("- Per Ek\n- Fråga facket, 020-56 00 56")).isEmpty();
    }

    @Test
    void namesEveryNameNumberAndAddressNoPassageHolds() {
        assertThat(grounding.unsupported("Ring Per Ek på 08-123 45 67.")).containsExactly("08-123 45 67");
        assertThat(grounding.unsupported("Kassör är Anna Lindqvist sedan 2019.")).containsExactly("2019", "Anna", "Lindqvist");
        assertThat(grounding.unsupported("Skriv till kansli@lo.se eller se www.lo.se/kontakt.")).containsExactly("kansli@lo.se", "www.lo.se/kontakt");
        assertThat(grounding.unsupported("Det finns 12 LO-distrikt.")).containsExactly("12");
    }

    @Test
    void findsThePassageAnAnswerDrawsOnByItsRarerTermsNamesAndNumbers() {
        assertThat(grounding.bestPassage("Det finns nio distrikt.")).isEqualTo(0);
        assertThat(grounding.bestPassage("Kassören heter Per Ek.")).isEqualTo(1);
        assertThat(grounding.bestPassage("Forslag til kongressen kommer fra fagforeningene.")).isEqualTo(2);
        assertThat(grounding.bestPassage("Pizza smakar gott.")).isEqualTo(-1);
    }

    @Test
    void forgivesASlipOfTypingButNotAnotherWord() {
        assertThat(PassageRelevance.near("distirkt", "distrikt")).isTrue();
        assertThat(PassageRelevance.near("kasör", "kassör")).isTrue();
        assertThat(PassageRelevance.near("medlemsavgft", "medlemsavgift")).isTrue();
        assertThat(PassageRelevance.near("pizza", "plats")).isFalse();
        assertThat(PassageRelevance.near("lön", "län")).as("short words must match exactly").isFalse();
        assertThat(PassageRelevance.near("2024", "2025")).isFalse();
    }
}
