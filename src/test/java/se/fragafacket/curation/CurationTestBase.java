package se.fragafacket.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port over a copy of {@code knowledge/} and a fresh data folder, with a staff
 * account whose password is configured as a bcrypt hash. Every subclass shares this one running service, so
 * each test uses documents and questions of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CurationTestBase {

    static final String STAFF = "personal";
    static final String PASSWORD = "rätt häst batteri";
    static final Path ROOT = Path.of("target", "curation-tests", UUID.randomUUID().toString()).toAbsolutePath();
    static final Path KNOWLEDGE = ROOT.resolve("knowledge");
    static final Path DATA = ROOT.resolve("data");
    private static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        copyKnowledge(Path.of("knowledge"), KNOWLEDGE);
        registry.add("fraga.knowledge-dir", KNOWLEDGE::toString);
        registry.add("fraga.data-dir", DATA::toString);
        registry.add("fraga.admin.username", () -> STAFF);
        registry.add("fraga.admin.password", () -> PASSWORD_HASH);
    }

    /** Copies the repository's knowledge folder once, so tests never change the real one. */
    static synchronized void copyKnowledge(Path from, Path to) {
        if (Files.exists(to)) {
            return;
        }
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http staff() {
        return Http.staff(port, STAFF, PASSWORD);
    }

    Http anonymous() {
        return Http.anonymous(port);
    }

    /** The files in the knowledge folder, hidden ones included (a left-over temporary file would show). */
    static java.util.List<String> knowledgeFiles() throws IOException {
        try (Stream<Path> files = Files.list(KNOWLEDGE)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits for the regression run that follows a change, and returns its state. */
    JsonNode regressionAfter(Http http, String triggerPart) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = http.get("/api/admin/regression").json();
            JsonNode last = state.path("last");
            if (!state.path("running").asBoolean() && !last.isMissingNode() && !last.isNull()
                    && last.path("trigger").asString().contains(triggerPart)) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no regression run after " + triggerPart);
    }

    static void assertAnswered(JsonNode reply, String documentId, String phrase) {
        assertThat(reply.path("answered").asBoolean()).as("answered: %s", reply).isTrue();
        assertThat(reply.path("answer").asString()).contains(phrase);
        assertThat(reply.path("sources").findValuesAsString("documentId")).contains(documentId);
    }

    static void assertDeclined(JsonNode reply) {
        assertThat(reply.path("answered").asBoolean()).as("declined: %s", reply).isFalse();
        assertThat(reply.path("sources").isEmpty()).isTrue();
        assertThat(reply.path("answer").asString()).contains("020-56 00 56");
    }
}
