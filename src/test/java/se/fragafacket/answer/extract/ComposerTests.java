package se.fragafacket.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.search.Analysis;
import se.fragafacket.search.Language;
import se.fragafacket.search.Passage;

class ComposerTests {

    private final Analysis analysis = new Analysis();

    private Candidate candidate(String text, int index) {
        Passage passage = new Passage("d", "Titel", "Titel › Styrelsen", text, Language.SV, 0, 1);
        return new Candidate(passage, 0, Unit.of(passage, analysis), index);
    }

    private String answer(Candidate candidate, QuestionKind kind) {
        return Composer.compose(Composer.single(candidate.passage(), Composer.excerpt(candidate, kind, 450)),
                Language.SV, false);
    }

    @Test
    void aSentenceSpeakingOfAPersonByPronounOnlyComesWithTheSentenceNamingThem() {
        Candidate c = candidate("Ordförande är Mikael Strand. Du når honom på telefon 040-611 22 30.", 1);
        assertThat(answer(c, QuestionKind.PHONE)).isEqualTo("Ordförande är Mikael Strand. Du når honom på telefon 040-611 22 30.");
    }

    @Test
    void aListAskedForIsQuotedWholeFromItsLeadInWithoutHeadingPrefix() {
        Candidate c = candidate("Styrelsen har pekat ut tre frågor:\n• Arbete\n• Löner\n• Välfärd", 2);
        assertThat(answer(c, QuestionKind.OTHER)).isEqualTo("Styrelsen har pekat ut tre frågor:\n• Arbete\n• Löner\n• Välfärd");
    }

    @Test
    void aFactIsOneSentenceAndNoCaptionOrDuplicateIsQuoted() {
        Candidate fact = candidate("Distriktet har 230 000 medlemmar. Det har 11 LO-fack.", 0);
        assertThat(answer(fact, QuestionKind.NUMBER)).isEqualTo("Distriktet har 230 000 medlemmar.");
        Candidate gist = candidate("Vi ordnar kurser.\nKarta över Gävle med kontoret markerat\nKurserna är gratis. Kurserna är gratis.", 0);
        assertThat(answer(gist, QuestionKind.OTHER)).isEqualTo("Vi ordnar kurser. Kurserna är gratis.");
    }

    @Test
    void aListQuestionGetsTheEnumerationOrTheListAloneAndNoNeighbouringFacts() {
        Candidate enumeration = candidate("Medlemmar är undersköterskor, elektriker och byggnadsarbetare. "
                + "Distriktet har 15 LO-fack.", 0);
        assertThat(answer(enumeration, QuestionKind.LIST))
                .isEqualTo("Medlemmar är undersköterskor, elektriker och byggnadsarbetare.");
        Candidate item = candidate("Styrelsen har pekat ut tre frågor:\n• Arbete\n• Löner\n• Välfärd\nMötet hålls i mars.", 1);
        assertThat(answer(item, QuestionKind.LIST)).isEqualTo("Styrelsen har pekat ut tre frågor:\n• Arbete\n• Löner\n• Välfärd");
    }
}
