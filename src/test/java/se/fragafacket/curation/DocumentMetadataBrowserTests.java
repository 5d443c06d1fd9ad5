package se.fragafacket.curation;

import se.fragafacket.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real (headless) Chromium, at a phone's and a desktop's size: a staff member sees whom a document speaks
 * for as read from its content, changes its title and district in the form, is told a bad date plainly, and
 * clears it again; a member asking in the chat sees the source under the title that names the organisation.
 * Screenshots go to target/screenshots/.
 */
class DocumentMetadataBrowserTests extends CurationTestBase {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    private WebDriver browser;
    private WebDriverWait wait;
    private Chromium chromium;

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start(1280, 1000);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"telefon, 390, 844, Kiruna", "dator, 1280, 1000, Boden"})
    void staffEditWhomADocumentSpeaksForAndMembersSeeItInTheChat(String size, int width, int height, String place)
            throws Exception {
        String documentId = "om-oss-" + size;
        String question = "Hur många ledamöter har styrelsen i LO-facket i " + place + "?";
        assertThat(staff().upload(documentId + ".md", ("# Om oss\n\nLO-facket i " + place + " samlar LO-förbunden i "
                + place + " kommun. Styrelsen i LO-facket i " + place + " har sju ledamöter.\n\nSenast granskad: 2024-03-05\n")
                .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        browser.manage().window().setSize(new Dimension(width, height));

        browser.get("http://localhost:" + port + "/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        browser.findElement(By.id("username")).sendKeys(STAFF);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();
        WebElement row = row(documentId);
        assertThat(row.getText()).contains("Om oss — LO-facket i " + place, "LO · " + place + " · 2024-03-05");

        click(row.findElement(By.cssSelector("button.edit-metadata")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metadata-form")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the title field has the focus").isEqualTo("meta-title");
        assertThat(input("title").getDomProperty("placeholder")).as("what the content says").isEqualTo("Om oss");
        assertThat(input("district").getDomProperty("placeholder")).isEqualTo("LO-facket i " + place);
        assertThat(input("date").getDomProperty("placeholder")).isEqualTo("2024-03-05");
        assertThat(browser.findElement(By.id("meta-display")).getText()).isEqualTo("Om oss — LO-facket i " + place);
        assertThat(input("title").getRect().getWidth()).as("the form fits the window")
                .isLessThanOrEqualTo(width);

        // a date that cannot be read: told plainly, nothing changed
        input("date").sendKeys("5 mars");
        click(browser.findElement(By.id("meta-save")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "ÅÅÅÅ-MM-DD"));
        assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).contains("error");
        assertThat(staff().get("/api/admin/documents/" + documentId + "/metadata").json().path("overridden")).isEmpty();

        input("date").clear();
        input("title").sendKeys("Styrelsen");
        input("district").sendKeys("LO-facket i " + place + " och Gällivare");
        input("date").sendKeys("2024-06-01" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sparade uppgifterna"));
        String shown = "Styrelsen — LO-facket i " + place + " och Gällivare";
        assertThat(browser.findElement(By.id("meta-display")).getText()).isEqualTo(shown);
        assertThat(browser.findElement(By.id("detail-title")).getText()).isEqualTo(shown);
        assertThat(input("title").getDomAttribute("class")).contains("set");
        wait.until(ExpectedConditions.textToBePresentInElement(row(documentId), "ändrat av personal"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "ändrade uppgifterna om"));
        shot("admin-uppgifter-" + size, By.id("document-detail"));

        // a member asks in the chat: the source is shown under the title staff set, naming the organisation
        browser.get("http://localhost:" + port + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#examples button")).isEmpty());
        WebElement field = browser.findElement(By.id("question"));
        field.sendKeys(question);
        field.sendKeys(Keys.ENTER);
        WebElement answer = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> done = d.findElements(By.cssSelector("#log .turn-answer:not([aria-busy])"));
            return done.isEmpty() ? null : done.get(0);
        });
        WebElement source = answer.findElements(By.cssSelector("details.source")).stream()
                .filter(s -> s.findElement(By.cssSelector(".source-link")).getDomProperty("href").contains("/dokument/" + documentId))
                .findFirst().orElseThrow(() -> new AssertionError("no source " + documentId + " in " + answer.getText()));
        assertThat(source.findElement(By.cssSelector("summary")).getText()).isEqualTo(shown);
        shot("chatt-kalltitel-" + size, By.cssSelector("#log"));

        // cleared again: the content's own title and district hold
        assertThat(staff().delete("/api/admin/documents/" + documentId + "/metadata").status()).isEqualTo(200);
        browser.get("http://localhost:" + port + "/dokument/" + documentId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Om oss — LO-facket i " + place);

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon"))
                .filter(e -> !e.getMessage().contains("/metadata - Failed to load resource: the server responded with a status of 400"))
                .toList();
        assertThat(problems).as("no script errors or Content-Security-Policy violations").isEmpty();
    }

    private WebElement input(String field) {
        return browser.findElement(By.id("meta-" + field));
    }

    private WebElement row(String documentId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#documents tr[data-document='" + documentId + "']")));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void shot(String name, By section) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -20);",
                browser.findElement(section));
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
