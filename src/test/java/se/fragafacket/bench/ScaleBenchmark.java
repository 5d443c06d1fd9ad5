package se.fragafacket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import se.fragafacket.FragaFacketApplication;
import se.fragafacket.Settings;
import se.fragafacket.config.FragaProperties;
import se.fragafacket.eval.EvalCase;
import se.fragafacket.eval.QuestionSet;
import se.fragafacket.ingest.IngestProperties;
import se.fragafacket.ingest.KnowledgeBase;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.Indexes;
import se.fragafacket.search.KnowledgeIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the scale run. For the seed ({@code knowledge/}) and synthetic knowledge bases of about 1,000,
 * 10,000 and 100,000 passages ({@link SyntheticKnowledge}): ingestion (passages/s, CPU per passage), restart
 * over the unchanged folder, index size, heap and RSS, {@code POST /api/chat} at 1 and 4 clients, the health
 * check's cost, and the share of the public questions still citing their document; beside it, on the same
 * folders, what a LangChain4j user builds by default (in-memory store, in-process MiniLM). Run it with
 * <pre>
 * ./mvnw -B test -Dtest=ScaleBenchmark -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dscale.sizes=1000,10000,100000 -Dscale.peer-max=10000
 * </pre>
 * Writes the figures to {@code target/scale-benchmark.txt}.
 */
@Tag("benchmark")
class ScaleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SEED = Path.of("knowledge").toAbsolutePath();
    private static final Path WORK = Path.of(System.getProperty("scale.work", "target/scale")).toAbsolutePath();
    private static final com.sun.management.OperatingSystemMXBean CPU = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final StringBuilder report = new StringBuilder();
    private final List<String> table = new ArrayList<>();
    private final List<String> peerTable = new ArrayList<>();
    private final List<EvalCase> questions = readQuestions();

    @Test
    void measure() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("scale.sizes", "1000,10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int peerMax = Integer.getInteger("scale.peer-max", 10_000);
        line("Scale benchmark — %d cores, Java %s, load average at start %.1f", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        // the Hunspell dictionaries are read once per process, beside start-up: not part of any ingestion measured
        long lexiconCpu = CPU.getProcessCpuTime();
        long lexiconWall = System.nanoTime();
        Indexes.LEXICON.has(se.fragafacket.search.Language.SV);
        line("Hunspell dictionaries read: %.0f ms wall, %.0f ms CPU (once per process, before any measurement)",
                millis(lexiconWall), (CPU.getProcessCpuTime() - lexiconCpu) / 1e6);
        // -Dscale.service=false: the peer alone (to measure it at a larger size in a run of its own)
        boolean service = !"false".equals(System.getProperty("scale.service"));
        if (service) {
            measureService("seed", SEED);
        }
        if (peerMax > 0) {
            measurePeer("seed", SEED);
        }
        for (int size : sizes) {
            Path folder = WORK.resolve("kb-" + size);
            int files = new SyntheticKnowledge(SEED).write(folder, size, SEED);
            line("");
            line("== %d passages wanted: %d files, %.1f MB", size, files, bytes(folder) / 1e6);
            if (service) {
                measureService(String.valueOf(size), folder);
            }
            if (size <= peerMax) {
                measurePeer(String.valueOf(size), folder);
            }
            if (!Boolean.getBoolean("scale.keep")) { // -Dscale.keep=true: the folders stay, e.g. to start the jar over them
                FileSystemUtils.deleteRecursively(folder);
                FileSystemUtils.deleteRecursively(WORK.resolve("data-" + size));
            }
        }
        line("");
        line("| size | passages | ingestion passages/s | CPU ms/passage | restart: indexing / to ready | index | heap / RSS | chat p50/p95/p99, 1 client | CPU/answer | chat p50/p95/p99, 4 clients (answers/s) | health | dev cited |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        table.forEach(this::line);
        line("");
        line("| size | segments | peer ingestion segments/s | CPU ms/segment | peer restart (re-embed) | store (JSON) | heap | search p50/p95/p99, 1 client | 4 clients (answers/s) | dev cited (top 5) |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        peerTable.forEach(this::line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of(System.getProperty("scale.report", "target/scale-benchmark.txt")), report, StandardCharsets.UTF_8);
    }

    /** The service's own parts on one folder. */
    private void measureService(String label, Path folder) throws Exception {
        Path data = WORK.resolve("data-" + label);
        FileSystemUtils.deleteRecursively(data);
        IngestProperties ingest = Settings.defaults("fraga.ingest", IngestProperties.class);
        // cold ingestion: open the index, sync the folder, close
        long wall = System.nanoTime();
        long cpu = CPU.getProcessCpuTime();
        int passages;
        try (KnowledgeIndex index = Indexes.open(data.resolve("index"))) {
            KnowledgeBase.SyncReport sync = new KnowledgeBase(new FragaProperties(folder, data), ingest, index).sync();
            assertThat(sync.indexed()).isPositive();
            passages = index.documents().stream().mapToInt(DocumentRecord::chunks).sum();
        }
        double coldMillis = millis(wall);
        double cpuMillis = (CPU.getProcessCpuTime() - cpu) / 1e6;
        line("%s: cold ingestion of %d passages: %.0f ms wall, %.0f ms CPU → %.0f passages/s, %.2f ms CPU/passage",
                label, passages, coldMillis, cpuMillis, passages / (coldMillis / 1000), cpuMillis / passages);
        // restart over the unchanged folder, three times
        List<Double> restartWall = new ArrayList<>();
        List<Double> restartSync = new ArrayList<>();
        List<Double> restartCpu = new ArrayList<>();
        for (int run = 0; run < Integer.getInteger("scale.restarts", 3); run++) { // more for profiling a restart
            wall = System.nanoTime();
            cpu = CPU.getProcessCpuTime();
            try (KnowledgeIndex index = Indexes.open(data.resolve("index"))) {
                KnowledgeBase.SyncReport sync = new KnowledgeBase(new FragaProperties(folder, data), ingest, index).sync();
                assertThat(sync.indexed()).isZero();
                restartSync.add((double) sync.millis());
            }
            restartWall.add(millis(wall));
            restartCpu.add((CPU.getProcessCpuTime() - cpu) / 1e6);
        }
        double indexMb = bytes(data.resolve("index")) / 1e6;
        line("%s: restart, unchanged: sync %s ms, open+sync+close %s ms, CPU %s ms; index %.1f MB", label,
                fmt(restartSync), fmt(restartWall), fmt(restartCpu), indexMb);
        if (Boolean.getBoolean("scale.ingest-only")) {
            return; // -Dscale.ingest-only=true: ingestion and restart alone (for profiling them)
        }
        // the whole service started over the indexed data
        String[] args = {"--server.port=0", "--fraga.data-dir=" + data, "--fraga.knowledge-dir=" + folder,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"};
        wall = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FragaFacketApplication.class).run(args)) {
            double ready = millis(wall);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI chat = URI.create("http://localhost:" + port + "/api/chat");
            // warm up, then one client
            runClients(1, 40, i -> ask(http, chat, questions.get(i % questions.size())));
            long cpuChat = CPU.getProcessCpuTime();
            List<Double> one = runClients(1, 220, i -> ask(http, chat, questions.get(i % questions.size())));
            double cpuPerAnswer = (CPU.getProcessCpuTime() - cpuChat) / 1e6 / one.size();
            long start = System.nanoTime();
            List<Double> four = runClients(4, 80, i -> ask(http, chat, questions.get(i % questions.size())));
            double throughput = four.size() / (millis(start) / 1000);
            // the health check, in-process and over HTTP
            HealthIndicator health = context.getBean("knowledge", HealthIndicator.class);
            List<Double> healthMicros = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long t = System.nanoTime();
                assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
                healthMicros.add((System.nanoTime() - t) / 1e3);
            }
            URI actuator = URI.create("http://localhost:" + port + "/actuator/health");
            List<Double> healthHttp = runClients(1, 200, i -> {
                long t = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(actuator).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return millis(t);
            });
            // the public questions still citing their document
            int cited = 0, answerable = 0;
            for (EvalCase question : questions) {
                if (!question.answerable()) {
                    continue;
                }
                answerable++;
                JsonNode last = conversation(http, chat, question);
                for (JsonNode source : last.get("sources")) {
                    if (question.sources().contains(source.get("documentId").asString())) {
                        cited++;
                        break;
                    }
                }
            }
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = rss();
            line("%s: service start to ready over the indexed data: %.0f ms; heap after GC %.0f MB, RSS %.0f MB", label,
                    ready, heap / 1e6, rss / 1e6);
            line("%s: POST /api/chat 1 client: %s; CPU per request (server and client, whole process) %.1f ms", label,
                    percentiles(one), cpuPerAnswer);
            line("%s: POST /api/chat 4 clients: %s, %.0f answers/s", label, percentiles(four), throughput);
            line("%s: health in-process: %s µs; GET /actuator/health: %s", label, percentilesRaw(healthMicros),
                    percentiles(healthHttp));
            line("%s: dev questions citing their document: %d/%d", label, cited, answerable);
            table.add(String.format(Locale.ROOT,
                    "| %s | %,d | %,.0f | %.2f | %.0f ms / %.0f ms | %.1f MB | %.0f / %.0f MB | %.1f / %.1f / %.1f ms | %.1f ms | %.1f / %.1f / %.1f ms (%.0f/s) | %.2f ms (HTTP %.1f ms) | %d/%d |",
                    label, passages, passages / (coldMillis / 1000), cpuMillis / passages, median(restartSync), ready,
                    indexMb, heap / 1e6, rss / 1e6, pct(one, 50), pct(one, 95), pct(one, 99), cpuPerAnswer, pct(four, 50), pct(four, 95),
                    pct(four, 99), throughput, pct(healthMicros, 50) / 1000, pct(healthHttp, 50), cited, answerable));
        }
    }

    /** LangChain4j's default RAG parts on the same folder: text loader, recursive splitter, MiniLM, in-memory store. */
    private void measurePeer(String label, Path folder) throws Exception {
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long wall = System.nanoTime();
        long cpu = CPU.getProcessCpuTime();
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<Document> documents = FileSystemDocumentLoader.loadDocuments(folder, new TextDocumentParser());
        EmbeddingStoreIngestor.builder().documentSplitter(DocumentSplitters.recursive(900, 0))
                .embeddingModel(model).embeddingStore(store).build().ingest(documents);
        double ingestMillis = millis(wall);
        double cpuMillis = (CPU.getProcessCpuTime() - cpu) / 1e6;
        Path json = WORK.resolve("peer-" + label + ".json");
        store.serializeToFile(json);
        double storeMb = Files.size(json) / 1e6;
        Files.delete(json);
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - heapBefore;
        int segments = segments(store, model);
        Function<String, List<String>> search = question -> store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(model.embed(question).content()).maxResults(5).build())
                .matches().stream().map(EmbeddingMatch::embedded)
                .map(s -> KnowledgeBase.documentId(s.metadata().getString(Document.FILE_NAME))).toList();
        runClients(1, 40, i -> timed(() -> search.apply(questions.get(i % questions.size()).question())));
        List<Double> one = runClients(1, 220, i -> timed(() -> search.apply(questions.get(i % questions.size()).question())));
        long start = System.nanoTime();
        List<Double> four = runClients(4, 80, i -> timed(() -> search.apply(questions.get(i % questions.size()).question())));
        double throughput = four.size() / (millis(start) / 1000);
        int cited = 0, answerable = 0;
        for (EvalCase question : questions) {
            if (question.answerable()) {
                answerable++;
                if (search.apply(question.question()).stream().anyMatch(question.sources()::contains)) {
                    cited++;
                }
            }
        }
        line("%s: peer ingestion of %d segments: %.0f ms wall, %.0f ms CPU → %.0f segments/s, %.2f ms CPU/segment; store %.1f MB as JSON, heap %.0f MB",
                label, segments, ingestMillis, cpuMillis, segments / (ingestMillis / 1000), cpuMillis / segments, storeMb, heap / 1e6);
        line("%s: peer search 1 client: %s; 4 clients: %s, %.0f/s; dev cited in top 5: %d/%d", label, percentiles(one),
                percentiles(four), throughput, cited, answerable);
        peerTable.add(String.format(Locale.ROOT,
                "| %s | %,d | %,.0f | %.2f | %.0f ms | %.1f MB | %.0f MB | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms (%.0f/s) | %d/%d |",
                label, segments, segments / (ingestMillis / 1000), cpuMillis / segments, ingestMillis, storeMb, heap / 1e6,
                pct(one, 50), pct(one, 95), pct(one, 99), pct(four, 50), pct(four, 95), pct(four, 99), throughput, cited, answerable));
    }

    /** How many segments the store holds: a search for everything, by a zero-threshold query. */
    private static int segments(InMemoryEmbeddingStore<TextSegment> store, EmbeddingModel model) {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(model.embed("LO").content())
                .maxResults(Integer.MAX_VALUE).minScore(0.0).build()).matches().size();
    }

    private interface Work {
        double run(int i) throws Exception;
    }

    /** {@code clients} threads each doing {@code each} pieces of work; every piece's time in ms. */
    private static List<Double> runClients(int clients, int each, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Double>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 7;
                futures.add(pool.submit(() -> {
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        times.add(work.run(offset + i));
                    }
                    return times;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    /** Asks one question (with its earlier turns) and returns the last request's time in ms. */
    private static double ask(HttpClient http, URI chat, EvalCase question) throws Exception {
        String conversation = null;
        double elapsed = 0;
        for (String turn : question.turns()) {
            long start = System.nanoTime();
            JsonNode reply = post(http, chat, turn, conversation);
            elapsed = millis(start);
            conversation = reply.get("conversationId").asString();
        }
        return elapsed;
    }

    private static JsonNode conversation(HttpClient http, URI chat, EvalCase question) throws Exception {
        String conversation = null;
        JsonNode reply = null;
        for (String turn : question.turns()) {
            reply = post(http, chat, turn, conversation);
            conversation = reply.get("conversationId").asString();
        }
        return reply;
    }

    private static JsonNode post(HttpClient http, URI chat, String message, String conversation) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("conversationId", conversation);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(chat).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static double timed(java.util.concurrent.Callable<?> work) throws Exception {
        long start = System.nanoTime();
        work.call();
        return millis(start);
    }

    private static List<EvalCase> readQuestions() {
        try {
            return QuestionSet.read(Path.of("src/test/resources/eval/dev.jsonl"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String percentiles(List<Double> times) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", pct(times, 50), pct(times, 95),
                pct(times, 99), times.size());
    }

    private static String percentilesRaw(List<Double> values) {
        return String.format(Locale.ROOT, "p50 %.1f, p95 %.1f, p99 %.1f", pct(values, 50), pct(values, 95), pct(values, 99));
    }

    private static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double median(List<Double> values) {
        return pct(values, 50);
    }

    private static String fmt(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
