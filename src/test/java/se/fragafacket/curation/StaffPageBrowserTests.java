package se.fragafacket.curation;

import se.fragafacket.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member curates a document in a real (headless) Chromium: logs in, uploads a PDF, asks a Provfråga
 * about it and sees the answer and the passage, keeps it as a regression question, replaces the document and
 * sees the question newly fail, deletes it, restores it, and reads the insights. Screenshots of each step go
 * to target/screenshots/.
 */
class StaffPageBrowserTests extends CurationTestBase {

    private static final Path SCREENSHOTS = Chromium.SCREENSHOTS;
    private static final String QUESTION = "När hålls distriktets sommarkonferens?";

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
        staff().put("/api/admin/regression/questions", "text/plain", "");
    }

    @Test
    void staffMemberCuratesADocumentEndToEnd() throws Exception {
        browser.get("http://localhost:" + port + "/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fråga facket");
        shot("login");
        browser.findElement(By.id("username")).sendKeys(STAFF);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "Lokalt och regionalt"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(STAFF);
        shot("dokument");

        // upload this year's plan as a PDF
        Path plan = Files.createTempFile(chromium.profile(), "plan", ".pdf");
        Path named = Files.move(plan, plan.resolveSibling("verksamhetsplan-2026-norrbotten.pdf"));
        Files.write(named, Fixtures.pdf("Verksamhetsplan 2026 Norrbotten",
                "Distriktets sommarkonferens hålls den 18 juni 2026 i Piteå och det är öppet för alla förtroendevalda."));
        browser.findElement(By.id("file-input")).sendKeys(named.toString());
        status("Lade till");
        WebElement row = row("verksamhetsplan-2026-norrbotten");
        assertThat(row.getText()).contains("Verksamhetsplan 2026 Norrbotten", "verksamhetsplan-2026-norrbotten.pdf", "svenska");
        shot("uppladdad");

        // a file dropped on the drop zone is uploaded the same way
        ((JavascriptExecutor) browser).executeScript("""
                const data = new DataTransfer();
                data.items.add(new File([arguments[0]], 'fiskefestivalen.md', {type: 'text/markdown'}));
                document.getElementById('dropzone').dispatchEvent(
                    new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                """, "# Fiskefestivalen\n\nFiskefestivalen i Arvidsjaur hålls den 2 augusti och det är öppet för alla medlemmar.\n");
        status("Lade till \"Fiskefestivalen\"");
        row("fiskefestivalen");

        click(row("verksamhetsplan-2026-norrbotten").findElement(By.xpath(".//button[text()='Visa avsnitt']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-chunks"), "Piteå"));
        shot("avsnitt", By.id("document-detail"));

        // Provfråga: the answer and the passage it came from, with its score
        ask(QUESTION);
        assertThat(text("trial-verdict")).startsWith("Besvarad");
        assertThat(text("trial-answer")).contains("18 juni");
        WebElement passage = browser.findElements(By.cssSelector("#trial-passages li")).get(0);
        assertThat(passage.getText()).contains("poäng", "verksamhetsplan-2026-norrbotten", "Piteå", "används i svaret");
        // the question's ideas as searched, per documents' language, with their weights
        assertThat(text("trial-ideas")).startsWith("svenska: ").contains("sommarkonf (", "norska: ", "engelska: ");
        shot("provfraga", By.id("provfraga"));

        // keep it as a regression question
        click(browser.findElement(By.id("trial-keep")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-expect"))).sendKeys("18 juni");
        click(browser.findElement(By.cssSelector("#regression-add button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regression-summary"), "1 av 1 godkända"));
        shot("regressionsfragor", By.id("regression"));

        // a refused upload changes nothing, says why, and shows in the log at once
        Path broken = Files.createTempFile(chromium.profile(), "trasig", ".pdf");
        Files.writeString(broken, "det här är ingen pdf");
        browser.findElement(By.id("file-input")).sendKeys(broken.toString());
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "nekad"));
        assertThat(browser.findElement(By.cssSelector("#audit tbody tr")).getText()).contains(broken.getFileName().toString());

        // replace the plan through its row: asked first, naming the document; "Avbryt" replaces nothing
        Path update = Files.createTempFile(chromium.profile(), "uppdaterad", ".pdf");
        Files.write(update, Fixtures.pdf("Verksamhetsplan 2026 Norrbotten",
                "Distriktets sommarkonferens hålls den 25 augusti 2026 i Luleå och det är öppet för alla förtroendevalda."));
        click(row("verksamhetsplan-2026-norrbotten").findElement(By.xpath(".//button[text()='Ersätt']")));
        browser.findElement(By.id("replace-input")).sendKeys(update.toString());
        Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(confirm.getText()).contains("Ersätta \"Verksamhetsplan 2026 Norrbotten\" (verksamhetsplan-2026-norrbotten.pdf)",
                update.getFileName().toString());
        confirm.dismiss();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Ingenting ersattes"));
        ask(QUESTION);
        assertThat(text("trial-answer")).contains("18 juni");

        // the regression question newly fails after the replacement and says so
        click(row("verksamhetsplan-2026-norrbotten").findElement(By.xpath(".//button[text()='Ersätt']")));
        browser.findElement(By.id("replace-input")).sendKeys(update.toString());
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        status("Ersatte");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regression-summary"),
                "underkända som var godkända förra gången"));
        assertThat(browser.findElement(By.cssSelector("#regression-results tr.newly-failing")).getText())
                .contains("Underkänd (ny)", QUESTION, "25 augusti");
        shot("ny-underkand", By.id("regression"));
        ask(QUESTION);
        assertThat(text("trial-answer")).contains("25 augusti").doesNotContain("18 juni");

        // delete it, with a confirmation: members are referred to a person
        click(row("verksamhetsplan-2026-norrbotten").findElement(By.xpath(".//button[text()='Ta bort']")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        status("Tog bort");
        wait.until(d -> d.findElements(By.cssSelector("tr[data-document='verksamhetsplan-2026-norrbotten']")).isEmpty());
        ask(QUESTION);
        assertThat(text("trial-verdict")).startsWith("Inte besvarad");

        // restore the first version from the kept versions
        List<WebElement> kept = browser.findElements(By.xpath(
                "//table[@id='versions']//tr[td[1][contains(., 'verksamhetsplan-2026-norrbotten')]]"));
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).getText()).contains("togs bort", "borttaget");
        shot("versioner", By.id("versions"));
        click(kept.get(1).findElement(By.xpath(".//button[text()='Återställ']")));
        status("Återställde");
        row("verksamhetsplan-2026-norrbotten");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regression-summary"), "1 av 1 godkända"));
        ask(QUESTION);
        assertThat(text("trial-answer")).contains("18 juni");
        shot("aterstalld", By.id("provfraga"));

        // a member's unanswered question reaches the insights, masked; asked twice it tops the frequent list
        JsonNode before = staff().get("/api/admin/insights/summary").json().path("totals");
        CurationTestBase.assertDeclined(anonymous().ask("Hur bokar jag stugan vid Kallaxträsket? Ring mig på 070-555 12 34."));
        CurationTestBase.assertDeclined(anonymous().ask("Hur bokar jag stugan vid Kallaxträsket?"));
        CurationTestBase.assertDeclined(anonymous().ask("Hur bokar jag  stugan vid Kallaxträsket"));
        CurationTestBase.assertAnswered(anonymous().ask("Hur många LO-distrikt finns det idag?"), "lo-lokalt-och-regionalt", "nio");
        JsonNode after = staff().get("/api/admin/insights/summary").json().path("totals");
        assertThat(after.path("questions").asInt() - before.path("questions").asInt()).isEqualTo(4);
        assertThat(after.path("answered").asInt() - before.path("answered").asInt()).isEqualTo(1);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("insights"), "Kallaxträsket"));
        assertThat(text("insights")).contains("[telefonnummer]").doesNotContain("555 12 34");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("frequent"), "Kallaxträsket"));
        assertThat(browser.findElements(By.cssSelector("#frequent li")))
                .anySatisfy(li -> assertThat(li.getText()).startsWith("Hur bokar jag stugan vid Kallaxträsket").contains("2 gånger"));
        assertThat(text("total-questions")).isEqualTo(after.path("questions").asString());
        assertThat(text("total-answered"))
                .isEqualTo(Math.round(100.0 * after.path("answered").asInt() / after.path("questions").asInt()) + " %");
        assertThat(text("per-channel")).contains("API");
        assertThat(text("per-day")).contains(java.time.LocalDate.now().toString());
        String csvLink = browser.findElement(By.id("insights-csv")).getDomAttribute("href");
        assertThat(csvLink).isEqualTo("/admin/api/insights.csv");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done(r.headers.get('content-disposition') + '\\n' + t)));
                """, csvLink);
        assertThat((String) csv).startsWith("attachment; filename=\"fraga-facket-insikter-")
                .contains("question,count,unanswered", "\"Hur bokar jag  stugan vid Kallaxträsket\",2,2,0,");
        assertThat(text("audit")).contains("återställde", "tog bort", "ersatte", "laddade upp");
        shot("insikter", By.id("insikter"));
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("insikter-telefon", By.id("insikter"));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        fullPage("hela-sidan");

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("favicon"))
                // the refused upload above: the page shows the server's reason, the browser notes the 400
                .filter(e -> !e.getMessage().contains("/admin/api/documents - Failed to load resource: the server responded with a status of 400"))
                .toList();
        assertThat(problems).as("no script errors or Content-Security-Policy violations").isEmpty();

        click(browser.findElement(By.cssSelector("form.logout button")));
        wait.until(ExpectedConditions.urlContains("/admin/login?logout"));
        assertThat(text("login-message")).contains("utloggad");
        browser.get("http://localhost:" + port + "/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
    }

    private void ask(String question) {
        WebElement input = browser.findElement(By.id("trial-question"));
        input.clear();
        input.sendKeys(question);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trial-result').hidden = true");
        click(browser.findElement(By.id("trial-ask")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trial-result")));
    }

    /** Scrolls an element to the middle of the window, as a person would, and clicks it. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void status(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), expected));
        assertThat(browser.findElement(By.id("status")).getDomAttribute("class")).contains("ok");
    }

    private WebElement row(String documentId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#documents tr[data-document='" + documentId + "']")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void shot(String name) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve("admin-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void shot(String name, By section) throws IOException {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -90);",
                browser.findElement(section));
        shot(name);
    }

    private void fullPage(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 100, 8000)));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        shot(name);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
