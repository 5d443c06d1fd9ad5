package se.fragafacket.curation;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a staff account curation is refused with a clear message, and members' chat works as ever. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NoStaffAccountTests {

    private static final Path ROOT = Path.of("target", "curation-tests", "no-account-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        CurationTestBase.copyKnowledge(Path.of("knowledge"), ROOT.resolve("knowledge"));
        registry.add("fraga.knowledge-dir", () -> ROOT.resolve("knowledge").toString());
        registry.add("fraga.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("fraga.admin.username", () -> "");
        registry.add("fraga.admin.password", () -> "");
    }

    @Test
    void curationIsRefusedWithAClearMessageAndTheLogSaysHowToSetAnAccount(CapturedOutput output) throws Exception {
        for (Http client : new Http[] {Http.anonymous(port), Http.staff(port, "admin", "admin")}) {
            Http.Response documents = client.get("/api/admin/documents");
            assertThat(documents.status()).isEqualTo(503);
            assertThat(documents.error()).contains("fraga.admin.username", "fraga.admin.password");
            assertThat(client.upload("intrang.txt", "Text som inte ska in.".getBytes()).status()).isEqualTo(503);
        }
        assertThat(Http.anonymous(port).get("/admin/api/documents").status()).isEqualTo(503);
        assertThat(Http.anonymous(port).get("/admin/login").body()).contains("Ingen personalinloggning är inställd");
        assertThat(output.getAll()).contains("no staff account is set", "fraga.admin.username");
        assertThat(output.getAll()).doesNotContain("Using generated security password");
    }

    @Test
    void membersChatKeepsWorking() throws Exception {
        CurationTestBase.assertAnswered(Http.anonymous(port).ask("Hur många LO-distrikt finns det idag?"),
                "lo-lokalt-och-regionalt", "nio");
        assertThat(Http.anonymous(port).postJson("/api/chat", Map.of("message", "")).status()).isEqualTo(400);
        assertThat(Http.anonymous(port).get("/actuator/health").body()).contains("UP");
    }
}
