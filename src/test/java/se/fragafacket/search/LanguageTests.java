package se.fragafacket.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hur många LO-distrikt finns det idag?|SV",
            "Kvarnbyträffen hålls i Umeå.|SV",
            "Möte i kommunen i mars|SV",
            "Hva er LOs lokalorganisasjoner?|NO",
            "Hvem er kasserer i LO-distriktet?|NO",
            "Vi må følge opp og forsvare gode reglement|NO",
            "When is May Day in the 2024 plan?|EN",
            "Who is responsible for school information?|EN",
            "12345|SV"})
    void tellsTheLanguageOfShortTexts(String text, Language expected) {
        assertThat(Language.detect(text)).isEqualTo(expected);
    }
}
