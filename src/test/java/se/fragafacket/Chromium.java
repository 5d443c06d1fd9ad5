package se.fragafacket;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium and chromedriver for browser tests, with a profile of its own that is removed
 * when it closes. Where they are not installed the test is skipped, except on CI, where it fails.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where browser tests put their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser of the given window size, in Swedish, keeping its console log; more arguments may be added. */
    public static Chromium start(int width, int height, String... arguments) {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("CI needs chromium and chromium-driver (.ci/run installs them: apt-get install -y chromium chromium-driver)");
        }
        assumeTrue(installed, "chromium and chromium-driver are not installed");
        // never let Selenium Manager fetch a browser or driver
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("fraga-chromium-");
            Files.createDirectories(SCREENSHOTS);
            List<String> all = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--lang=sv-SE"));
            all.addAll(List.of(arguments));
            var options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments(all);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            return new Chromium(new ChromeDriver(options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The browser's own temporary folder, removed with it: a place for files a test uploads. */
    public Path profile() {
        return profile;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
