package se.fragafacket.telegram;

import java.net.URI;
import java.time.Duration;

/** Telegram settings for tests that build the bot's parts by hand. */
final class TestProperties {

    static final String TOKEN = "1234567890:AAFake-Token_that_must_never_be_logged";

    private TestProperties() {
    }

    static TelegramProperties pointingAt(String baseUrl) {
        return new TelegramProperties(TOKEN, URI.create(baseUrl), TelegramProperties.Mode.POLLING, null, null,
                Duration.ofSeconds(1), 3, Duration.ofMinutes(1), 4096, 2, 3, Duration.ofMillis(100),
                Duration.ofSeconds(60), Duration.ofSeconds(4), false, Duration.ofMillis(1500));
    }
}
