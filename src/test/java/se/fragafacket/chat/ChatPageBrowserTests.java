package se.fragafacket.chat;

import se.fragafacket.Chromium;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
@ExtendWith(OutputCaptureExtension.class)
class ChatPageBrowserTests {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final Path WORK = Path.of("target", "test-data", "browser-" + UUID.randomUUID()).toAbsolutePath();
    /** A document that tries to run code when shown. */
    private static final String HOSTILE_DOCUMENT = """
            Testförbundets medlemsavgift

            Medlemsavgiften i Testförbundet är 123 kronor i månaden <img src=x onerror="document.title='hacked'"> \
            <script>document.title='hacked'</script> och dras automatiskt från lönen.
            """;
    /** A document with a phone number and an e-mail address to call and write to. */
    private static final String CONTACT_DOCUMENT = """
            Testförbundets kansli

            Testförbundets kansli nås på telefon 08-123 45 67 och på e-post kansli@testforbundet.example.
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
            Files.writeString(knowledge.resolve("testforbundet-kansli.txt"), CONTACT_DOCUMENT);
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

    private static Chromium chromium;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    FeedbackLog feedback;

    @Autowired
    ChatSocketHandler sockets;

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.start(1280, 800, "--hide-scrollbars");
        driver = chromium.driver();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
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
                .filter(s -> s.findElement(By.cssSelector(".source-link")).getAttribute("href")
                        .contains("/dokument/lo-lokalt-och-regionalt"))
                .findFirst().orElseThrow(() -> new AssertionError("no source lo-lokalt-och-regionalt"));
        WebElement snippet = source.findElement(By.cssSelector(".source-snippet"));
        assertThat(snippet.isDisplayed()).isFalse();
        click(source.findElement(By.cssSelector("summary")));
        assertThat(source.getAttribute("open")).isNotNull();
        assertThat(snippet.isDisplayed()).isTrue();
        assertThat(snippet.getText()).isNotBlank();
        assertThat(source.findElement(By.cssSelector(".source-heading")).getText()).contains("Regional samlingsplats");
        String quoted = snippet.findElement(By.cssSelector("mark.source-quoted")).getText();
        assertThat(quoted).as("the sentence the answer quoted, marked").containsIgnoringCase("nio LO-distrikt");
        assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).contains(quoted);
        String documentLink = source.findElement(By.cssSelector(".source-link")).getAttribute("href");
        assertThat(documentLink).contains("citat=").endsWith("#citat");

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

        // the whole document, opened at the quoted sentence under its heading
        driver.get(documentLink);
        WebElement mark = driver.findElement(By.cssSelector("mark#citat"));
        assertThat(mark.getText()).isEqualTo(quoted);
        WebElement cited = driver.findElement(By.cssSelector("section.passage-cited"));
        assertThat(cited.getAttribute("id")).startsWith("avsnitt-");
        assertThat(cited.findElement(By.xpath("preceding-sibling::h2[1]")).getText()).isEqualTo("Regional samlingsplats");
        assertThat(driver.getTitle()).as("the title names whom the document speaks for").isEqualTo("Lokalt och regionalt — LO – Fråga facket");
        assertThat(inView(mark)).as("the page opens at the quote").isTrue();
        screenshot("document-desktop");

        phone();
        driver.get(documentLink);
        assertThat(inView(driver.findElement(By.cssSelector("mark#citat")))).isTrue();
        screenshot("document-phone");
        driver.get(url("/"));
        waitUntilReady();
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
    void theCommentBoxIsNotHiddenUnderTheComposerOnAPhone() throws IOException {
        phone();
        driver.navigate().refresh();
        waitUntilReady();
        ask("Hur många LO-distrikt finns det idag?");
        WebElement answer = waitForAnswers(1).get(0);
        script("window.scrollTo(0, document.scrollingElement.scrollHeight)");
        click(answer.findElement(By.cssSelector(".feedback-no")));
        WebElement comment = answer.findElement(By.cssSelector(".feedback-comment-text"));
        WebElement send = answer.findElement(By.cssSelector(".feedback-comment button[type=submit]"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(comment);
        double composerTop = ((Number) script("return document.getElementById('ask').getBoundingClientRect().top")).doubleValue();
        double sendBottom = ((Number) script("return arguments[0].getBoundingClientRect().bottom", send)).doubleValue();
        assertThat(sendBottom).as("the comment box and its button end above the composer").isLessThanOrEqualTo(composerTop);
        screenshot("phone-comment");
    }

    @Test
    void theTitleAndTheHeaderButtonsDoNotOverlapInEitherLanguage() throws IOException {
        for (String size : List.of("phone", "desktop")) {
            if (size.equals("phone")) phone(); else desktop();
            for (String lang : List.of("sv", "en")) {
                driver.get(url("/?lang=" + lang));
                waitUntilReady();
                WebElement title = driver.findElement(By.cssSelector(".brand-name"));
                for (String button : List.of("language", "new-question")) {
                    assertThat(overlap(title, driver.findElement(By.id(button))))
                            .as(size + " " + lang + ": the title and " + button).isFalse();
                }
                assertThat(script("return arguments[0].scrollWidth <= arguments[0].clientWidth", title))
                        .as("the whole title is shown").isEqualTo(true);
                assertThat(script("return document.scrollingElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            }
        }
        phone();
        screenshot("phone-english");
    }

    @Test
    void followsTheSystemsDarkMode() throws IOException {
        String light = (String) script("return getComputedStyle(document.body).backgroundColor");
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            String dark = (String) script("return getComputedStyle(document.body).backgroundColor");
            assertThat(dark).isNotEqualTo(light);
            assertThat(luminance(dark)).as("a dark page").isLessThan(0.1);
            assertThat(luminance((String) script("return getComputedStyle(document.body).color")))
                    .as("light text").isGreaterThan(0.6);
            ask("Hur många LO-distrikt finns det idag?");
            WebElement answer = waitForAnswers(1).get(0);
            assertThat(luminance((String) script("return getComputedStyle(arguments[0]).backgroundColor",
                    answer.findElement(By.cssSelector(".answer"))))).isLessThan(0.1);
            scrollToTop();
            screenshot("desktop-dark");
            phone();
            screenshot("phone-dark");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void makesPhoneNumbersAndEmailAddressesLinksAndCopiesAnAnswer() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        ask("Vilket telefonnummer har Testförbundets kansli?");
        WebElement answer = waitForAnswers(1).get(0);
        WebElement text = answer.findElement(By.cssSelector(".answer-text"));
        assertThat(text.getText()).contains("08-123 45 67", "kansli@testforbundet.example");
        assertThat(text.findElement(By.cssSelector("a.phone")).getAttribute("href")).isEqualTo("tel:081234567");
        assertThat(text.findElement(By.cssSelector("a.email")).getAttribute("href"))
                .isEqualTo("mailto:kansli@testforbundet.example");

        WebElement copy = answer.findElement(By.cssSelector(".button-copy"));
        click(copy);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> copy.getText().contains("Kopierat"));
        Object copied = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('failed: ' + e))");
        assertThat(copied).isEqualTo(text.getText());
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

        // the document page shows the same document as text, also with a hostile quote asked for
        driver.get(url("/dokument/testforbundet-avgift?citat="
                + java.net.URLEncoder.encode("<script>document.title='hacked'</script>", StandardCharsets.UTF_8) + "#citat"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("123 kronor", "<img src=x onerror=", "<script>");
        assertThat(driver.findElement(By.cssSelector("mark#citat")).getText()).isEqualTo("<script>document.title='hacked'</script>");
        Thread.sleep(300);
        assertThat(driver.getTitle()).isEqualTo("Testförbundets medlemsavgift – Fråga facket");
        assertThat((Long) script("return document.querySelectorAll('main img, main script, main [onerror]').length")).isZero();
        driver.get(url("/dokument/finns-inte"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dokumentet finns inte");
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

        String first = (String) script("return sessionStorage.getItem('fraga.conversationId')");
        driver.findElement(By.id("new-question")).click();
        assertThat(driver.findElements(By.cssSelector("#log > li"))).isEmpty();
        assertThat(driver.findElement(By.id("welcome")).isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(By.id("question")));
        assertThat(script("return sessionStorage.getItem('fraga.conversationId')")).isNull();

        // the earlier conversation is still reachable, also from a new tab of this browser
        driver.navigate().refresh();
        waitUntilReady();
        List<WebElement> recent = driver.findElements(By.cssSelector("#recent-list button"));
        assertThat(recent).hasSize(1);
        assertThat(driver.findElement(By.id("recent-title")).getAttribute("textContent")).isEqualTo("Your recent conversations");
        assertThat(recent.get(0).getText()).contains("How many LO districts are there today?");
        click(recent.get(0));
        WebElement again = waitForAnswers(1).get(0);
        assertThat(again.findElement(By.cssSelector(".answer-text")).getText()).containsIgnoringCase("nio");
        assertThat(script("return sessionStorage.getItem('fraga.conversationId')")).isEqualTo(first);
        assertThat(driver.findElement(By.id("welcome")).isDisplayed()).isFalse();

        ask("Hur många LO-distrikt finns det idag?");
        waitForAnswers(2);
        driver.findElement(By.id("new-question")).click();
        assertThat(driver.findElements(By.cssSelector("#recent-list button"))).as("one entry per conversation").hasSize(1);
        click(driver.findElement(By.id("recent-forget")));
        assertThat(driver.findElement(By.id("recent")).isDisplayed()).isFalse();
        assertThat(script("return localStorage.getItem('fraga.recent')")).isNull();
    }

    @Test
    void theWidgetOpensTheChatOnAnAllowedSite() throws IOException {
        driver.get("http://127.0.0.1:" + HOST_SITE.getAddress().getPort() + "/");
        WebElement bubble = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#fraga-facket-widget button[aria-expanded]")));
        bubble.click();
        assertThat(bubble.getAttribute("aria-expanded")).isEqualTo("true");

        WebElement frame = driver.findElement(By.cssSelector("#fraga-facket-panel iframe"));
        assertThat(frame.getAttribute("src")).isEqualTo(url("/embed?lang=sv&origin=http%3A%2F%2F127.0.0.1%3A" + HOST_SITE.getAddress().getPort()));
        driver.switchTo().frame(frame);
        waitUntilReady();
        ask("Hur många LO-distrikt finns det idag?");
        assertThat(waitForAnswers(1).get(0).getText()).containsIgnoringCase("nio");
        driver.switchTo().defaultContent();
        screenshot("widget-desktop");
    }

    @Test
    void theWidgetOnASiteNotAllowedSaysSoPlainlyAndTheLogNamesTheOrigin(CapturedOutput output) throws IOException {
        // the same host page, reached under a name (origin) the service was not told to allow
        String site = "http://localhost:" + HOST_SITE.getAddress().getPort();
        for (String size : List.of("desktop", "phone")) {
            if (size.equals("phone")) phone(); else desktop();
            driver.get(site + "/");
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#fraga-facket-widget button[aria-expanded]")))
                    .click();
            driver.switchTo().frame(driver.findElement(By.cssSelector("#fraga-facket-panel iframe")));
            WebElement message = new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1")));
            assertThat(message.getText()).isEqualTo("Chatten kan inte visas på den här webbplatsen än");
            assertThat(driver.findElement(By.cssSelector("a[href^='tel:']")).getText()).isEqualTo("020-56 00 56");
            assertThat(driver.findElements(By.id("question"))).as("no chat here").isEmpty();
            driver.switchTo().defaultContent();
            screenshot("widget-not-allowed-" + size);
        }
        assertThat(output.getAll()).contains("The chat widget was opened on " + site + ", which may not show it: "
                + "add that origin to fraga.chat.allowed-origins");

        // the chat itself is still never framed there, whatever a page says about its origin
        script("const f = document.createElement('iframe'); f.src = arguments[0]; document.body.append(f);",
                url("/embed?origin=" + "http://127.0.0.1:" + HOST_SITE.getAddress().getPort()));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> consoleText().contains("frame-ancestors"));
    }

    // ---- helpers ----

    private boolean inView(WebElement element) {
        return (Boolean) script("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight", element);
    }

    private boolean overlap(WebElement a, WebElement b) {
        return (Boolean) script("const r = arguments[0].getBoundingClientRect(), s = arguments[1].getBoundingClientRect();"
                + "return r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom", a, b);
    }

    /** Relative luminance of a CSS rgb() colour. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

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

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
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
                // the document page of a document that does not exist is a 404 on purpose
                .filter(line -> !line.contains("/dokument/finns-inte - Failed to load resource: the server responded with a status of 404"))
                .toList();
    }
}
