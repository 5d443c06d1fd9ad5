package se.fragafacket.curation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mitt personnummer är 19850312-1234, stämmer det?       | Mitt personnummer är [personnummer], stämmer det?
            Jag är född 850312-1234.                              | Jag är född [personnummer].
            pnr 8503121234 och 198503121234                       | pnr [personnummer] och [personnummer]
            samordningsnummer 850372-1234                         | samordningsnummer [personnummer]
            hundraåring 150312+1234                               | hundraåring [personnummer]
            fødselsnummeret mitt er 01017512345                   | fødselsnummeret mitt er [personnummer]
            fnr 311299 12345, ring meg                            | fnr [personnummer], ring meg
            D-nummer 41017512345                                  | D-nummer [personnummer]
            D-nummer 710375 49305 gjelder                         | D-nummer [personnummer] gjelder
            ring mig på 070-123 45 67 i kväll                     | ring mig på [telefonnummer] i kväll
            ring 0701234567 eller 08-123 456 78                   | ring [telefonnummer] eller [telefonnummer]
            mitt nummer är +46 70 123 45 67                       | mitt nummer är [telefonnummer]
            eller 0046 8 123 456 78                               | eller [telefonnummer]
            norskt nummer 912 34 567 og 22 33 44 55               | norskt nummer [telefonnummer] og [telefonnummer]
            mejla anna.svensson@example.se tack                   | mejla [e-post] tack
            skriv till Per.Åberg+facket@lo-distrikt.example.org.  | skriv till [e-post].
            """)
    void masksPersonalData(String text, String masked) {
        assertThat(PersonalData.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hur många LO-distrikt finns det idag?
            Vad hände 2024-05-12 på kongressen?
            Verksamhetsplan 2024 2025 för distriktet
            Lönen höjs med 1 500 kronor från 1 april.
            Ring Fråga facket
            Vad står i paragraf 12 § 3?
            """)
    void leavesOrdinaryQuestionsAlone(String text) {
        assertThat(PersonalData.mask(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kontonummer 1234.56.78903 og saksnummer 2024/12345
            Saken gjelder 4 500 kroner fra 01.01.2025
            Vi er 11 distrikt med 320000 medlemmer
            Møtet 12.03.2024 kl. 18
            """)
    void leavesNorwegianNumbersThatAreNoBirthNumbersAlone(String text) {
        assertThat(PersonalData.mask(text)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void anAnswerKeepsTheNumbersTheDocumentsPublishButNotTheMembersOwn() {
        String question = "Jeg heter Kari, fnr 01017512345, ring meg på 912 34 567. Hvem er kontaktperson?";
        String answer = "Kontakt Per Ek på 22 33 44 55 eller per.ek@lo.example.no. Vi ringer deg på 912 34 567 (01017512345).";

        assertThat(PersonalData.maskAnswer(answer, question)).isEqualTo(
                "Kontakt Per Ek på 22 33 44 55 eller per.ek@lo.example.no. Vi ringer deg på [telefonnummer] ([personnummer]).");
        assertThat(PersonalData.mask(question)).doesNotContain("01017512345", "912 34 567");
    }
}
