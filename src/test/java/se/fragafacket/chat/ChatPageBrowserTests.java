package se.fragafacket.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.fragafacket.answer.FeedbackGiven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The members' page in real headless Chromium against the whole service on a random port: asking, the
 * streamed answer, sources, feedback, reconnecting, the widget on another site, and that nothing a member
 * or a document says runs as code. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatPageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path WORK = Path.of("target", "test-data", "browser-" + UUID.randomUUID()).toAbsolutePath();
    /** A document that tries to run code when shown. */
    private static final String HOSTILE_DOCUMENT = """
            Testförbundets medlemsavgift

            Medlemsavgiften i Testförbundet är 123 kronor i månaden <img src=x onerror="document.title='hacked'"> \
            <script>document.title='hacked'</script> och dras automatiskt från lönen.
            """;
    private static final String HOSTILE_QUESTION =
            "<img src=x onerror=\"document.body.dataset.pwned='img'\"><script>document.body.dataset.pwned='script'</script>"
                    + " Vad kostar en pizza i Katrineholm?";

    /** Another organisation's site, on another origin, that puts the widget on its page. */
    private static final HttpServer HOST_SITE;
    private static volatile int appPort;

    static {
        try {
            Path knowledge = Files.createDirectories(WORK.resolve("knowledge"));
            try (Stream<Path> files = Files.list(Path.of("knowledge"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, knowledge.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(knowledge.resolve("testforbundet-avgift.txt"), HOSTILE_DOCUMENT);
            HOST_SITE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HOST_SITE.createContext("/", exchange -> {
            byte[] page = hostPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        HOST_SITE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fraga.knowledge-dir", () -> WORK.resolve("knowledge").toString());
        registry.add("fraga.data-dir", () -> WORK.resolve("data").toString());
        registry.add("fraga.chat.allowed-origins", () -> "http://127.0.0.1:" + HOST_SITE.getAddress().getPort());
    }

    /** Feedback as published: what the staff's insights are built from. */
    static class FeedbackLog {
        final List<FeedbackGiven> given = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FeedbackGiven feedback) {
            given.add(feedback);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        FeedbackLog feedbackLog() {
            return new FeedbackLog();
        }
    }

    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    FeedbackLog feedback;

    @Autowired
    ChatSocketHandler sockets;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("chromium and chromium-driver must be installed on CI (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        // never let Selenium Manager fetch a browser or driver
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=1280,800", "--lang=sv-SE",
                "--user-data-dir=" + Files.createTempDirectory("fraga-chromium"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
        HOST_SITE.stop(0);
    }

    @BeforeEach
    void freshPage() {
        appPort = port;
        desktop();
        driver.get(url("/"));
        script("sessionStorage.clear(); localStorage.clear();");
        driver.get(url("/"));
        waitUntilReady();
    }

    @AfterEach
    void pageKeptItsSecurityPolicy() {
        assertThat(consoleProblems()).as("the browser's console").isEmpty();
    }

    @Test
    void asksAndShowsTheStreamedAnswerWithItsSourceAndTakesFeedback() throws IOException {
        assertThat(driver.getTitle()).isEqualTo("Fråga facket");
        assertThat(script("return document.documentElement.lang")).isEqualTo("sv");
        assertThat(driver.findElement(By.cssSelector("label[for=question]")).getText()).isEqualTo("Din fråga");
        assertThat(driver.findElement(By.cssSelector(".helpline")).getText()).contains("020-56 00 56");
        screenshot("desktop-start");
        countStreamedPieces();

        ask("Hur många LO-distrikt finns det idag?");
        WebElement answer = waitForAnswers(1).get(0);

        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).containsIgnoringCase("nio");
        assertThat((Long) script("return window.__pieces")).as("token frames shown before the answer frame").isPositive();
        assertThat(driver.findElement(By.id("announcer")).getAttribute("aria-live")).isEqualTo("polite");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                d -> d.findElement(By.id("announcer")).getText().toLowerCase().contains("nio"));

        WebElement source = answer.findElements(By.cssSelector("details.source")).stream()
                .filter(s -> s.findElement(By.cssSelector(".source-document")).getAttribute("textContent")
                        .contains("lo-lokalt-och-regionalt"))
                .findFirst().orElseThrow(() -> new AssertionError("no source lo-lokalt-och-regionalt"));
        WebElement snippet = source.findElement(By.cssSelector(".source-snippet"));
        assertThat(snippet.isDisplayed()).isFalse();
        click(source.findElement(By.cssSelector("summary")));
        assertThat(source.getAttribute("open")).isNotNull();
        assertThat(snippet.isDisplayed()).isTrue();
        assertThat(snippet.getText()).isNotBlank();

        click(answer.findElement(By.cssSelector(".feedback-no")));
        WebElement comment = answer.findElement(By.cssSelector(".feedback-comment-text"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(comment);
        comment.sendKeys("Jag ville veta vilka distrikten är.");
        click(answer.findElement(By.cssSelector(".feedback-comment button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElement(
                answer.findElement(By.cssSelector(".feedback-result")), "Tack"));

        String conversation = (String) script("return sessionStorage.getItem('fraga.conversationId')");
        assertThat(feedback.given).anySatisfy(given -> {
            assertThat(given.conversationId()).isEqualTo(conversation);
            assertThat(given.helpful()).isFalse();
            assertThat(given.comment()).isEqualTo("Jag ville veta vilka distrikten är.");
        });
        scrollToTop();
        screenshot("desktop");

        phone();
        driver.navigate().refresh();
        waitUntilReady();
        WebElement kept = waitForAnswers(1).get(0);
        assertThat(kept.getText()).as("the conversation kept in the tab").containsIgnoringCase("nio");
        assertThat(kept.findElement(By.cssSelector(".feedback-no")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(kept.findElement(By.cssSelector(".feedback-result")).getText()).contains("Tack");
        scrollToTop();
        screenshot("phone");
    }

    @Test
    void showsScriptsInQuestionsAndDocumentsAsTextAndRunsNone() throws Exception {
        ask(HOSTILE_QUESTION);
        WebElement answer = waitForAnswers(1).get(0);
        assertThat(driver.findElement(By.cssSelector(".bubble-question")).getText()).isEqualTo(HOSTILE_QUESTION);
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).isNotBlank();

        ask("Hur mycket är medlemsavgiften i Testförbundet?");
        WebElement second = waitForAnswers(2).get(1);
        WebElement source = second.findElement(By.cssSelector("details.source"));
        click(source.findElement(By.cssSelector("summary")));
        assertThat(source.findElement(By.cssSelector(".source-snippet")).getText())
                .contains("123 kronor", "<img src=x onerror=", "<script>");
        Thread.sleep(300); // time for an onerror handler to have run, had an image been made

        assertThat(driver.getTitle()).as("what the document's payloads would set").isEqualTo("Fråga facket");
        assertThat(script("return document.body.dataset.pwned")).as("what the question's payloads would set").isNull();
        assertThat((Long) script("return document.querySelectorAll('#log img, #log script, #log [onerror]').length"))
                .isZero();
        screenshot("desktop-hostile-text");
    }

    @Test
    void reconnectsByItselfSaysSoWhileOfflineAndKeepsTheConversation() {
        ask("Vad gör LO-distriktet i Mellansverige inom fackligt politisk verksamhet?");
        waitForAnswers(1);

        sockets.disconnectAll();

        WebElement status = driver.findElement(By.id("connection"));
        new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(20))
                .until(d -> status.isDisplayed() && status.getText().contains("Ingen anslutning"));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !status.isDisplayed() || status.getText().contains("tillbaka"));

        ask("Vem är ansvarig för det?");
        assertThat(waitForAnswers(2).get(1).findElement(By.cssSelector(".answer-text")).getText()).contains("Per Ek");
    }

    @Test
    void worksByKeyboardInEnglishAndStartsANewConversation() {
        driver.findElement(By.id("language")).click();
        assertThat(script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(driver.findElement(By.cssSelector("label[for=question]")).getText()).isEqualTo("Your question");

        WebElement firstExample = driver.findElement(By.cssSelector("#examples button"));
        script("document.activeElement.blur()");
        for (int i = 0; i < 12 && !driver.switchTo().activeElement().equals(firstExample); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement()).as("an example reached with Tab").isEqualTo(firstExample);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        WebElement answer = waitForAnswers(1).get(0);
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).containsIgnoringCase("nio");
        assertThat(answer.findElement(By.cssSelector(".answer-who")).getText()).isNotBlank();
        assertThat(answer.findElement(By.cssSelector(".feedback-question")).getText()).isEqualTo("Was this answer helpful?");

        driver.findElement(By.id("new-question")).click();
        assertThat(driver.findElements(By.cssSelector("#log > li"))).isEmpty();
        assertThat(driver.findElement(By.id("welcome")).isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(By.id("question")));
        assertThat(script("return sessionStorage.getItem('fraga.conversationId')")).isNull();
    }

    @Test
    void theWidgetOpensTheChatOnAnAllowedSite() throws IOException {
        driver.get("http://127.0.0.1:" + HOST_SITE.getAddress().getPort() + "/");
        WebElement bubble = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#fraga-facket-widget button[aria-expanded]")));
        bubble.click();
        assertThat(bubble.getAttribute("aria-expanded")).isEqualTo("true");

        WebElement frame = driver.findElement(By.cssSelector("#fraga-facket-panel iframe"));
        assertThat(frame.getAttribute("src")).isEqualTo(url("/embed?lang=sv"));
        driver.switchTo().frame(frame);
        waitUntilReady();
        ask("Hur många LO-distrikt finns det idag?");
        assertThat(waitForAnswers(1).get(0).getText()).containsIgnoringCase("nio");
        driver.switchTo().defaultContent();
        screenshot("widget-desktop");
    }

    @Test
    void theWidgetsChatIsNotFramedOnOtherSites() {
        // the same host page, reached under a name (origin) the service was not told to allow
        driver.get("http://localhost:" + HOST_SITE.getAddress().getPort() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#fraga-facket-widget button[aria-expanded]")))
                .click();

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> consoleText().contains("frame-ancestors"));
        driver.switchTo().frame(driver.findElement(By.cssSelector("#fraga-facket-panel iframe")));
        assertThat(driver.findElements(By.id("question"))).isEmpty();
        driver.switchTo().defaultContent();
    }

    // ---- helpers ----

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String hostPage() {
        return """
                <!doctype html>
                <html lang="sv"><head><meta charset="utf-8"><title>Förbundet</title>
                <style>body{font-family:Georgia,serif;margin:0;background:#fff;color:#222}
                header{background:#23395d;color:#fff;padding:24px 48px;font-size:28px}
                main{padding:32px 48px;max-width:720px;line-height:1.6}</style></head>
                <body><header>Förbundet avdelning 7</header>
                <main><h1>Medlemssidor</h1><p>Här hittar du nyheter, kurser och kontaktuppgifter till din avdelning.
                Har du en fråga om facket? Klicka på Fråga facket nere till höger.</p></main>
                <script src="http://localhost:%d/widget.js" defer></script></body></html>
                """.formatted(appPort);
    }

    /** Clicks like a person: the element is scrolled clear of the sticky header and composer first. */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void ask(String question) {
        WebElement field = driver.findElement(By.id("question"));
        field.sendKeys(question);
        field.sendKeys(Keys.ENTER);
    }

    private List<WebElement> waitForAnswers(int count) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector("#log .turn-answer:not([aria-busy])"));
            return done.size() >= count ? done : null;
        });
    }

    private void waitUntilReady() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#examples button")).isEmpty());
    }

    private void countStreamedPieces() {
        script("""
                window.__pieces = 0;
                new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
                  const parent = node.parentElement;
                  if (node.nodeType === 3 && parent && parent.classList.contains('answer-text')
                      && parent.closest('[aria-busy=true]')) window.__pieces++;
                }))).observe(document.getElementById('log'), {childList: true, subtree: true});
                """);
    }

    private Object script(String code) {
        return ((JavascriptExecutor) driver).executeScript(code);
    }

    private void scrollToTop() {
        script("window.scrollTo(0, 0)");
    }

    private void desktop() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    private void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private final StringBuilder console = new StringBuilder();

    private String consoleText() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.append(entry.getMessage()).append('\n');
        }
        return console.toString();
    }

    /** Errors the page caused: a policy violation, a script error, a failed load of its own files. */
    private List<String> consoleProblems() {
        String text = consoleText();
        console.setLength(0);
        return text.lines()
                .filter(line -> line.contains("Content Security Policy") || line.contains("TrustedHTML")
                        || line.contains("Uncaught") || line.contains("Failed to load"))
                .filter(line -> !line.contains("frame-ancestors"))
                .toList();
    }
}
