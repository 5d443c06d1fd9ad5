package se.fragafacket.curation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While every upload slot is taken by files being read, one more upload is refused at once with 429 and a
 * {@code Retry-After}, changes nothing and is audited; once a slot is free, the same upload goes through. The
 * slots are held by the test itself, so nothing here depends on how fast a parse runs.
 */
class UploadSlotsTests extends CurationTestBase {

    private static final byte[] MEETING = """
            # Styrelsemöte i Luleå

            Styrelsen i LO-facket i Luleå möts den 14 april 2026 klockan 17 på Folkets hus.
            """.getBytes(StandardCharsets.UTF_8);

    @Autowired
    UploadSlots slots;

    @Test
    void anUploadBeyondTheSlotsIsRefusedAtOnceAndGoesThroughOnceOneIsFree() throws Exception {
        List<Boolean> held = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            held.add(slots.tryAcquire());
        }
        assertThat(held).as("the test holds every slot").containsOnly(true).hasSize(slots.size());
        try {
            Http.Response refused = staff().upload("styrelsemote-lulea.md", MEETING);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(refused.body()).contains("\"error\"").contains("ingenting ändrades");
            assertThat(knowledgeFiles()).doesNotContain("styrelsemote-lulea.md");
            assertThat(staff().get("/api/admin/audit").body()).contains("styrelsemote-lulea.md").contains("refused");
        } finally {
            held.forEach(h -> slots.release());
        }

        Http.Response accepted = staff().upload("styrelsemote-lulea.md", MEETING);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(knowledgeFiles()).contains("styrelsemote-lulea.md");
    }
}
