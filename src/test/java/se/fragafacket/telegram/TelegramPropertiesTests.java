package se.fragafacket.telegram;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramPropertiesTests {

    private static TelegramProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("fraga.telegram", TelegramProperties.class);
    }

    @Test
    void defaultsToLongPollingAgainstTelegramWithTheBotOff() {
        TelegramProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.baseUrl()).hasToString("https://api.telegram.org");
        assertThat(properties.basePort()).isEqualTo(443);
        assertThat(properties.mode()).isEqualTo(TelegramProperties.Mode.POLLING);
        assertThat(properties.maxMessageChars()).isEqualTo(4096);
        assertThat(properties.rateLimitWindow()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void takesABlankTokenForNone() {
        assertThat(bind(Map.of("fraga.telegram.token", "  ")).enabled()).isFalse();
    }

    @Test
    void refusesWebhookModeWithoutASecret() {
        assertThatThrownBy(() -> bind(Map.of("fraga.telegram.token", TestProperties.TOKEN, "fraga.telegram.mode", "webhook")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("fraga.telegram.webhook-secret");
    }

    @Test
    void refusesAMalformedTokenWithoutRepeatingIt() {
        String malformed = "secret-value-without-colon";

        assertThatThrownBy(() -> bind(Map.of("fraga.telegram.token", malformed)))
                .rootCause().hasMessageContaining("@BotFather").hasMessageNotContaining(malformed);
    }

    @Test
    void refusesABaseUrlWithAPath() {
        assertThatThrownBy(() -> bind(Map.of("fraga.telegram.base-url", "http://127.0.0.1:8081/bot/")))
                .rootCause().hasMessageContaining("scheme, host and port only");
    }

    @Test
    void neverShowsTheTokenOrTheSecret() {
        TelegramProperties properties = bind(Map.of("fraga.telegram.token", TestProperties.TOKEN,
                "fraga.telegram.mode", "WEBHOOK", "fraga.telegram.webhook-secret", "s3cret-value"));

        assertThat(properties.toString()).doesNotContain(TestProperties.TOKEN).doesNotContain("s3cret-value")
                .contains("token=(set)");
        assertThat(properties.redact("GET /bot" + TestProperties.TOKEN + "/getMe")).isEqualTo("GET /bot<token>/getMe");
    }

    @Test
    void makesNoTelegramBeansWithoutAToken() {
        new ApplicationContextRunner()
                .withUserConfiguration(TelegramConfiguration.class, TelegramWebhookController.class)
                .withPropertyValues("fraga.telegram.token=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(BotApi.class);
                    assertThat(context).doesNotHaveBean(TelegramChannel.class);
                    assertThat(context).doesNotHaveBean(TelegramWebhookController.class);
                });
    }
}
