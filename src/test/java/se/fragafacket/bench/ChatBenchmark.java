package se.fragafacket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import se.fragafacket.FragaFacketApplication;
import se.fragafacket.Settings;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.eval.EvalCase;
import se.fragafacket.eval.QuestionSet;
import se.fragafacket.ingest.IngestProperties;
import se.fragafacket.ingest.KnowledgeBase;
import se.fragafacket.search.Indexes;
import se.fragafacket.search.KnowledgeIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: measures ingestion of {@code knowledge/} (cold and on restart), the service's start to ready,
 * and {@code POST /api/chat} latency over the public questions. Excluded from the normal build (tag
 * {@code benchmark}); run it with
 * {@code ./mvnw -B test -Dtest=ChatBenchmark -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the figures and writes them to {@code target/benchmark.txt}; {@code -Dbench.latencyOnly=true} leaves out ingestion.
 */
@Tag("benchmark")
class ChatBenchmark {

    private static final int RUNS = 5;
    private static final int WARM_UP = 20;
    private static final int REQUESTS = 200;
    private static final int PER_CLIENT = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        line("Fråga facket benchmark — %d cores, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        Path knowledge = Path.of("knowledge").toAbsolutePath();
        try (var files = Files.list(knowledge)) {
            line("knowledge/: %d files, %d bytes", files.count(), Files.walk(knowledge).filter(Files::isRegularFile)
                    .mapToLong(ChatBenchmark::size).sum());
        }
        if (!Boolean.getBoolean("bench.latencyOnly")) {
            ingestion(knowledge);
        }
        service(knowledge);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /** KnowledgeBase.sync over knowledge/ into an empty index, then again over the same index reopened. */
    private void ingestion(Path knowledge) throws IOException {
        IngestProperties ingest = Settings.defaults("fraga.ingest", IngestProperties.class);
        List<Double> cold = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            Path data = temp.resolve("ingest-" + run);
            long start = System.nanoTime();
            try (KnowledgeIndex index = Indexes.open(data.resolve("index"))) {
                KnowledgeBase.SyncReport sync = new KnowledgeBase(new FragaProperties(knowledge, data), ingest, index).sync();
                assertThat(sync.indexed()).isEqualTo(5);
            }
            cold.add(millis(start));
            start = System.nanoTime();
            try (KnowledgeIndex index = Indexes.open(data.resolve("index"))) {
                KnowledgeBase.SyncReport sync = new KnowledgeBase(new FragaProperties(knowledge, data), ingest, index).sync();
                assertThat(sync.indexed()).isZero();
                assertThat(sync.unchanged()).isEqualTo(5);
            }
            restart.add(millis(start));
        }
        line("");
        line("Ingestion of knowledge/ (open index + KnowledgeBase.sync + close), in-process:");
        line("  cold, first in this JVM (Tika and Lucene loading): %.0f ms", cold.get(0));
        line("  cold, empty index, median of %d:                  %.0f ms  (runs: %s)", RUNS, median(cold.subList(1, cold.size())), fmt(cold.subList(1, cold.size())));
        line("  restart, unchanged folder, median of %d:          %.0f ms  (runs: %s)", RUNS, median(restart.subList(1, restart.size())), fmt(restart.subList(1, restart.size())));
    }

    /** The whole service started cold and restarted, then asked over HTTP. */
    private void service(Path knowledge) throws Exception {
        Path data = temp.resolve("service");
        FileSystemUtils.deleteRecursively(data);
        String[] args = {"--server.port=0", "--fraga.data-dir=" + data, "--fraga.knowledge-dir=" + knowledge,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // the benchmark is one address asking far more than a member may
                "--fraga.limits.http-chat-requests=1000000"};
        long start = System.nanoTime();
        new SpringApplicationBuilder(FragaFacketApplication.class).run(args).close();
        double cold = millis(start);
        start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FragaFacketApplication.class).run(args)) {
            double restart = millis(start);
            line("");
            line("Service start to ready (SpringApplication.run returns once the knowledge base is indexed and the port open):");
            line("  first start in this JVM, empty data dir (Spring, Tomcat, Tika classes loading): %.0f ms", cold);
            line("  second start, same data dir (nothing to re-index):                             %.0f ms", restart);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            latency(port, context.getBean(AnswerService.class));
        }
    }

    private void latency(int port, AnswerService answers) throws Exception {
        List<EvalCase> questions = QuestionSet.read(Path.of("src/test/resources/eval/dev.jsonl"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI chat = URI.create("http://localhost:" + port + "/api/chat");
        List<Double> times = new ArrayList<>();
        int sent = 0;
        for (int i = 0; sent < WARM_UP + REQUESTS; i++) {
            EvalCase question = questions.get(i % questions.size());
            String conversation = null;
            for (String turn : question.turns()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("message", turn);
                body.put("conversationId", conversation);
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(chat)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                double elapsed = millis(start);
                assertThat(response.statusCode()).isEqualTo(200);
                conversation = JSON.readTree(response.body()).get("conversationId").asString();
                if (sent++ >= WARM_UP) {
                    times.add(elapsed);
                }
            }
        }
        line("");
        line("POST /api/chat over HTTP (JDK HttpClient, keep-alive, one request at a time), the %d dev.jsonl questions in turn,", questions.size());
        line("  %d warm-up + %d measured requests: %s", WARM_UP, times.size(), percentiles(times));
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            EvalCase question = questions.get(i % questions.size());
            long start = System.nanoTime();
            answers.ask(question.turns().get(0), null, "bench", token -> {
            });
            if (i >= WARM_UP) {
                direct.add(millis(start));
            }
        }
        line("AnswerService.ask in-process (first turns only), %d warm-up + %d measured: %s", WARM_UP, direct.size(), percentiles(direct));
        line("");
        line("POST /api/chat with concurrent clients (each its own keep-alive connection, first turns of dev.jsonl in turn):");
        for (int clients : new int[] {1, 4, 16}) {
            concurrent(chat, questions, clients);
        }
        line("resident memory of this JVM (service and benchmark) after the load: %d MB", residentMegabytes());
    }

    /** {@code clients} clients asking at once, {@value #PER_CLIENT} questions each after a warm-up round. */
    private void concurrent(URI chat, List<EvalCase> questions, int clients) throws Exception {
        List<Double> times = java.util.Collections.synchronizedList(new ArrayList<>());
        var start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                try {
                    start.await();
                    for (int i = 0; i < WARM_UP / 4 + PER_CLIENT; i++) {
                        EvalCase question = questions.get((client * 7 + i) % questions.size());
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(chat)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                        Map.of("message", question.turns().get(0))))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                        if (i >= WARM_UP / 4) {
                            times.add(millis(sent));
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        assertThat(times).hasSize(clients * PER_CLIENT);
        line("  %2d clients, %d requests, %.0f requests/s: %s", clients, times.size(), times.size() / seconds,
                percentiles(new ArrayList<>(times)));
    }

    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String percentiles(List<Double> times) {
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(0));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
    }

    private static String fmt(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
