package se.fragafacket.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.fragafacket.search.OrganisationSynonyms;

/** Staff replace the organisation's synonyms: checked line by line, kept in the data folder, used at once. */
class SynonymsApiTests extends CurationTestBase {

    private static final String QUESTION = "Var ligger plutten för LO-distriktet i Mellansverige?";

    @AfterEach
    void shippedListAgain() throws Exception {
        staff().put("/api/admin/synonyms", "text/plain", OrganisationSynonyms.shippedList());
    }

    @Test
    void theShippedListIsShownUntilStaffSaveTheirOwn() throws Exception {
        Http.Response list = staff().get("/api/admin/synonyms");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("sossarna").contains("a-kassan");
        assertThat(anonymous().get("/api/admin/synonyms").status()).isEqualTo(401);
    }

    @Test
    void aNewListIsKeptInTheDataFolderAndTheNextQuestionUsesIt() throws Exception {
        Http staff = staff();
        assertThat(staff.ask(QUESTION).path("answer").asString()).doesNotContain("Katrineholm");

        String list = "# our words\nplutten, plutt => huvudkontoret\nsossarna => socialdemokraterna\n";
        Http.Response saved = staff.put("/api/admin/synonyms", "text/plain", list);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("rules").asInt()).isEqualTo(3);
        assertThat(staff.get("/api/admin/synonyms").body()).isEqualTo(list);
        assertThat(Files.readString(DATA.resolve("synonyms.txt"), StandardCharsets.UTF_8)).isEqualTo(list);

        assertThat(staff.ask(QUESTION).path("answer").asString()).contains("Katrineholm");
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumberAndTheOldListKept() throws Exception {
        Http staff = staff();
        String good = "lön, lønn, pay\n";
        staff.put("/api/admin/synonyms", "text/plain", good);
        Http.Response broken = staff.put("/api/admin/synonyms", "text/plain", "lön, lønn\n\nsossarna => sossar => s\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).contains("line 3").contains("=>");
        Http.Response empty = staff.put("/api/admin/synonyms", "text/plain", "a-kassan, , akassan\n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).contains("line 1");
        assertThat(staff.get("/api/admin/synonyms").body()).isEqualTo(good);
        assertThat(Files.readString(DATA.resolve("synonyms.txt"), StandardCharsets.UTF_8)).isEqualTo(good);
    }
}
