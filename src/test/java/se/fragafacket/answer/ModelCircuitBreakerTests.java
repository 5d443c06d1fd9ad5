package se.fragafacket.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.fragafacket.MovableClock;
import se.fragafacket.answer.FakeOpenAiServer.Failure;
import se.fragafacket.answer.FakeOpenAiServer.Silence;
import se.fragafacket.answer.FakeOpenAiServer.Tokens;

/**
 * The circuit breaker in front of the model server, on a clock the test moves: after two failures in a row
 * no question reaches the server (each gets the extractive answer at once, none waits out the timeout), until
 * the open time has passed on the clock; then one question tries the server again, and its success closes
 * the circuit.
 */
@Import(MovableClock.InContext.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "fraga.data-dir=target/test-data/model-breaker",
        "fraga.llm.provider=openai",
        "fraga.llm.model=test-model",
        "fraga.llm.timeout=2s",
        "fraga.llm.breaker-failures=2",
        "fraga.llm.breaker-open-for=30s"})
class ModelCircuitBreakerTests {

    private static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();
    private static final String QUESTION = "Hur många LO-distrikt finns det idag?";

    @DynamicPropertySource
    static void modelServer(DynamicPropertyRegistry registry) {
        registry.add("fraga.llm.base-url", MODEL::baseUrl);
    }

    @AfterAll
    static void stopModelServer() {
        MODEL.close();
    }

    @Autowired
    AnswerService answers;

    @Autowired
    MovableClock clock;

    private Reply ask() {
        return answers.ask(QUESTION, null, "test", new ArrayList<String>()::add);
    }

    @Test
    void stopsAskingADownServerUntilTheOpenTimeHasPassedOnTheClock() {
        MODEL.replyWith(new Failure(503));
        ask();
        ask();
        assertThat(MODEL.requests()).hasSize(2);

        // open: a server that would never answer is not even asked, so nothing waits for it
        MODEL.replyWith(new Silence());
        for (int i = 0; i < 3; i++) {
            Reply reply = ask();
            assertThat(reply.answer().answered()).isTrue();
            assertThat(reply.answer().text()).contains("nio LO-distrikt");
        }
        assertThat(MODEL.requests()).hasSize(2);

        clock.advance(Duration.ofSeconds(29));
        ask();
        assertThat(MODEL.requests()).as("still open 29 s later").hasSize(2);

        // half open once the time has passed: one question tries the server, and its answer closes the circuit
        clock.advance(Duration.ofSeconds(2));
        MODEL.replyWith(new Tokens("I dag finns det nio LO-distrikt av varierande storlek [1]."));
        assertThat(ask().answer().text()).isEqualTo("I dag finns det nio LO-distrikt av varierande storlek.");
        assertThat(MODEL.requests()).hasSize(3);

        // closed: one failure alone does not open it again
        MODEL.replyWith(new Failure(500));
        ask();
        MODEL.replyWith(new Tokens("I dag finns det nio LO-distrikt av varierande storlek [1]."));
        assertThat(ask().answer().text()).isEqualTo("I dag finns det nio LO-distrikt av varierande storlek.");
        assertThat(MODEL.requests()).hasSize(5);
    }
}
