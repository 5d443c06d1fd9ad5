package se.fragafacket.chat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ChatProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsToSameOriginOnlyAndModestLimits() {
        runner.run(context -> {
            ChatProperties properties = context.getBean(ChatProperties.class);
            assertThat(properties.allowedOrigins()).isEmpty();
            assertThat(properties.maxFrameSize().toKilobytes()).isEqualTo(16);
            assertThat(properties.messagesPerMinute()).isEqualTo(20);
            assertThat(properties.maxCommentChars()).isEqualTo(1000);
        });
    }

    @Test
    void writesEachOriginTheWayWebSocketsAndFramesExpectIt() {
        runner.withPropertyValues("fraga.chat.allowed-origins=https://www.lo.se,http://localhost:*,https://*.lo.se:[*]")
                .run(context -> {
                    ChatProperties properties = context.getBean(ChatProperties.class);
                    assertThat(properties.originPatterns())
                            .containsExactly("https://www.lo.se", "http://localhost:[*]", "https://*.lo.se:[*]");
                    assertThat(properties.frameSources())
                            .containsExactly("https://www.lo.se", "http://localhost:*", "https://*.lo.se:*");
                });
    }

    @Test
    void refusesToStartWithAnOriginThatIsNotOne() {
        runner.withPropertyValues("fraga.chat.allowed-origins=https://www.lo.se/medlem; script-src *")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("allowedOrigins"));
    }

    @Test
    void refusesToStartWithLimitsThatMakeNoSense() {
        runner.withPropertyValues("fraga.chat.messages-per-minute=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("fraga.chat.max-frame-size=10B")
                .run(context -> assertThat(context).hasFailed());
    }
}
