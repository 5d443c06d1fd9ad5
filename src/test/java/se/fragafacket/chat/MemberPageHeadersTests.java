package se.fragafacket.chat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(FeedbackController.class)
@Import(MemberPageHeadersTests.Config.class)
@TestPropertySource(properties = "fraga.chat.allowed-origins=https://www.lo.se,https://*.example.se,http://localhost:*")
class MemberPageHeadersTests {

    @TestConfiguration
    @EnableConfigurationProperties(ChatProperties.class)
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void thePageMayNotBeFramedAndRunsOnlyItsOwnScriptsAndStyles() {
        var result = mvc.get().uri("/index.html").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasValue("X-Frame-Options", "DENY")
                .hasValue("X-Content-Type-Options", "nosniff")
                .hasValue("Referrer-Policy", "no-referrer");
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'",
                        "require-trusted-types-for 'script'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void theWidgetsPageMayBeFramedByTheAllowedOriginsOnly() {
        var result = mvc.get().uri("/embed").exchange();

        assertThat(result).hasStatusOk().hasForwardedUrl("/index.html");
        assertThat(result).headers().doesNotContainHeader("X-Frame-Options");
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .endsWith("frame-ancestors 'self' https://www.lo.se https://*.example.se http://localhost:*");
    }

    @Test
    void theApiAnswersCarryTheHeadersToo() {
        var result = mvc.post().uri("/api/feedback").contentType("application/json").content("{}").exchange();

        assertThat(result).hasStatus(400).headers().hasValue("X-Content-Type-Options", "nosniff")
                .containsHeader("Content-Security-Policy");
    }

    @Test
    void leavesStaffPathsToTheirOwnSecurity() {
        var result = mvc.get().uri("/api/admin/documents").exchange();

        assertThat(result).headers().doesNotContainHeader("Content-Security-Policy")
                .doesNotContainHeader("X-Frame-Options");
    }
}
