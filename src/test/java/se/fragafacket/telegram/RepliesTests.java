package se.fragafacket.telegram;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.fragafacket.answer.Answer;
import se.fragafacket.answer.Source;
import se.fragafacket.config.PublicSiteProperties;
import se.fragafacket.search.Language;

import static org.assertj.core.api.Assertions.assertThat;

class RepliesTests {

    private static final Source DISTRICTS = new Source("lo-lokalt-och-regionalt", "Lokalt och regionalt",
            "Lokalt och regionalt › Regional samlingsplats\nI dag finns det nio LO-distrikt.");

    @Test
    void escapesWhatHtmlParseModeWouldReadAsMarkup() {
        assertThat(Html.escape("a < b && c > d <b>fet</b>")).isEqualTo("a &lt; b &amp;&amp; c &gt; d &lt;b&gt;fet&lt;/b&gt;");
    }

    @Test
    void listsEachSourceDocumentOnceUnderTheAnswer() {
        Source again = new Source("lo-lokalt-och-regionalt", "Lokalt och regionalt", "Lokalt och regionalt › 9 distrikt\n…");
        Answer answer = new Answer.Found("I dag finns det nio LO-distrikt.", List.of(DISTRICTS, again));

        List<String> messages = Replies.of(answer, 4096);

        assertThat(messages).containsExactly("""
                I dag finns det nio LO-distrikt.

                <b>Källor:</b>
                • Lokalt och regionalt – Regional samlingsplats""");
    }

    @Test
    void aSourceTitleNamingItsOrganisationIsShownWholeAndItsOwnTitleIsNotRepeatedAsTheHeading() {
        Source district = new Source("lo-mellansverige-om-oss", "Om oss — LO-distriktet i Mellansverige",
                "Om oss › Distriktets mål\nArbete för alla.");

        String message = Replies.of(new Answer.Found("Arbete för alla.", List.of(district)), 4096).get(0);

        assertThat(message).endsWith("• Om oss — LO-distriktet i Mellansverige – Distriktets mål");
    }

    @Test
    void escapesTheAnswerAndTheSourceTitles() {
        Answer answer = new Answer.Found("Lön <före> skatt & avgifter", List.of(new Source("avtal", "Löner & <villkor>", "")));

        String message = Replies.of(answer, 4096).get(0);

        assertThat(message).startsWith("Lön &lt;före&gt; skatt &amp; avgifter\n\n<b>Källor:</b>\n");
        assertThat(message).endsWith("• Löner &amp; &lt;villkor&gt;");
    }

    @Test
    void namesTheSourcesInTheMembersLanguage() {
        Answer answer = new Answer.Found("Ni distrikter.", List.of(DISTRICTS));

        assertThat(Replies.of(answer, 4096, Language.NO, id -> null).get(0)).contains("<b>Kilder:</b>\n• Lokalt");
        assertThat(Replies.of(answer, 4096, Language.EN, id -> null).get(0)).contains("<b>Sources:</b>\n• Lokalt");
        assertThat(Replies.of(answer, 4096, Language.SV, id -> null).get(0)).contains("<b>Källor:</b>\n• Lokalt");
    }

    @Test
    void linksEachSourceToItsDocumentPageWhereThePublicAddressIsKnown() {
        var site = new PublicSiteProperties(URI.create("https://fraga.example.se/"));
        Answer answer = new Answer.Found("Svar.", List.of(DISTRICTS, new Source("avtal & <villkor>", "Avtal", "")));

        String message = Replies.of(answer, 4096, Language.SV, site::documentPage).get(0);

        assertThat(message).contains(
                "• <a href=\"https://fraga.example.se/dokument/lo-lokalt-och-regionalt\">Lokalt och regionalt</a> – Regional samlingsplats",
                "• <a href=\"https://fraga.example.se/dokument/avtal%20&amp;%20%3Cvillkor%3E\">Avtal</a>");
    }

    @Test
    void anAnswerWithoutSourcesIsJustItsText() {
        Answer answer = new Answer.NotFound("Det hittar jag tyvärr inget svar på. Ring 020-56 00 56.",
                Answer.Reason.NOT_IN_KNOWLEDGE_BASE);

        assertThat(Replies.of(answer, 4096)).containsExactly("Det hittar jag tyvärr inget svar på. Ring 020-56 00 56.");
    }

    @Test
    void splitsALongAnswerAndPutsTheSourcesUnderItsLastPart() {
        String text = "LO-distriktet samordnar fackförbundens gemensamma frågor i regionen. ".repeat(140).strip();
        assertThat(text.length()).isGreaterThan(4096 * 2);

        List<String> messages = Replies.of(new Answer.Found(text, List.of(DISTRICTS)), 4096);

        assertThat(messages).hasSize(3);
        assertThat(messages).allSatisfy(m -> assertThat(m.replace("<b>", "").replace("</b>", "").length())
                .isLessThanOrEqualTo(4096));
        assertThat(messages.subList(0, 2)).noneMatch(m -> m.contains("Källor"));
        assertThat(messages.get(2)).contains("<b>Källor:</b>\n• Lokalt och regionalt");
    }

    @Test
    void sendsTheSourcesAloneWhenTheyDoNotFitUnderTheLastPart() {
        String text = "Facket förhandlar om lön. ".repeat(157).strip();
        assertThat(text.length()).isBetween(4000, 4096);

        List<String> messages = Replies.of(new Answer.Found(text, List.of(DISTRICTS)), 4096);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isEqualTo(text);
        assertThat(messages.get(1)).startsWith("<b>Källor:</b>");
    }
}
