package se.fragafacket.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --aot-training}: the training run of the JVM's AOT cache (README, "Starting fast"). Once ready, the
 * service asks itself a few built-in example questions over its own HTTP API (Swedish, Norwegian, English, a
 * follow-up), opens the members' page and health, and exits, so that the cache holds the classes and profiles
 * of answering too, not only of starting.
 */
@Component
class AotTraining {

    private static final Logger log = LoggerFactory.getLogger(AotTraining.class);
    private static final List<String> QUESTIONS = List.of(
            "Hur många LO-distrikt finns det idag?",
            "Vem ska jag kontakta om facklig utbildning i Mellansverige?",
            "Hva er LOs lokalorganisasjoner?",
            "How do I become a member of a union?",
            "Vad kostar det att vara med i facket?",
            "hur manga lo-distrikt finns det?");

    @EventListener
    void ready(ApplicationReadyEvent event) throws Exception {
        // read here, not in a condition: with Spring's build-time AOT the beans are fixed when the jar is built
        if (BuildTimeBeans.unset(event.getApplicationContext().getEnvironment().getProperty("aot-training"))) {
            return;
        }
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            log.warn("--aot-training needs the web server: nothing is asked");
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort()
                + event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        for (int round = 0; round < 2; round++) {
            String conversation = null;
            for (String question : QUESTIONS) {
                String body = "{\"message\": \"" + question + "\", \"conversationId\": "
                        + (conversation == null ? "null" : "\"" + conversation + "\"") + "}";
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                var id = java.util.regex.Pattern.compile("\"conversationId\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
                conversation = id.find() ? id.group(1) : null;
                log.info("AOT training: {} → {}", question, response.statusCode());
            }
            for (String page : List.of("/", "/actuator/health")) {
                client.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        log.info("AOT training done: the service stops (the JVM writes its AOT cache as it exits)");
        int code = SpringApplication.exit(event.getApplicationContext(), () -> 0);
        System.exit(code);
    }
}
