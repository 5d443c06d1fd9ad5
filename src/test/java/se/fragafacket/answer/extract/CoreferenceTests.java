package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Language;

class CoreferenceTests {

    @Test
    void aPronounIsThePersonTheEarlierAnswerNamed() {
        assertThat(Coreference.resolve("Vilket telefonnummer har hon?", Language.SV,
                "Ansvarig för arbetsmarknadsfrågorna är Berit Örtell."))
                .isEqualTo("Vilket telefonnummer har hon (Berit Örtell)?");
        assertThat(Coreference.resolve("Hvordan når jeg ham?", Language.NO, "Leder er Ola Nordmann-Hansen."))
                .isEqualTo("Hvordan når jeg ham (Ola Nordmann-Hansen)?");
        assertThat(Coreference.resolve("What is her phone number?", Language.EN, "Chef-Ombudsman och kassör är Per Ek."))
                .isEqualTo("What is her (Per Ek) phone number?");
    }

    @Test
    void withoutAPronounOrWithNoneOrSeveralPeopleTheQuestionIsUnchanged() {
        assertThat(Coreference.resolve("Vilket telefonnummer har distriktet?", Language.SV, "Ordförande är Anna Berg."))
                .isEqualTo("Vilket telefonnummer har distriktet?");
        assertThat(Coreference.resolve("Vad heter hon?", Language.SV, "Distriktet har 15 LO-fack."))
                .isEqualTo("Vad heter hon?");
        assertThat(Coreference.resolve("Hur når jag henne?", Language.SV, "Ordförande är Anna Berg och kassör Per Ek."))
                .isEqualTo("Hur når jag henne?");
        assertThat(Coreference.resolve("Hur når jag henne?", Language.SV, "")).isEqualTo("Hur når jag henne?");
        // a capitalised sentence opening is no person
        assertThat(Coreference.people("Om oss. Distriktet Mellansverige har kontor.")).isEmpty();
    }
}
