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
import se.fragafacket.answer.AnswerProperties;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest({FeedbackController.class, ChatPageConfiguration.class})
@Import(MemberPageHeadersTests.Config.class)
@TestPropertySource(properties = "fraga.chat.allowed-origins=https://www.lo.se,https://*.example.se,http://localhost:*")
class MemberPageHeadersTests {

    @TestConfiguration
    @EnableConfigurationProperties({ChatProperties.class, AnswerProperties.class})
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
    void onASiteNotAllowedTheWidgetsFrameGetsAPlainMessageThatSiteMayFrame() {
        var result = mvc.get().uri("/embed?lang=en&origin=https://www.other.org").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/html");
        assertThat(result.getResponse().getForwardedUrl()).isNull();
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'none'", "form-action 'none'").endsWith("frame-ancestors https://www.other.org");
        assertThat(result).bodyText().contains("The chat cannot be shown on this site yet", "tel:020560056")
                .doesNotContain("<script");
    }

    @Test
    void anAllowedSiteOrOneThatIsNoOriginGetsTheChat() {
        for (String origin : java.util.List.of("https://www.lo.se", "https://avd7.example.se", "http://localhost:4000",
                "javascript:alert(1)", "https://x.org/path")) {
            var result = mvc.get().uri("/embed").queryParam("origin", origin).exchange();

            assertThat(result).as(origin).hasStatusOk().hasForwardedUrl("/index.html");
            assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                    .endsWith("frame-ancestors 'self' https://www.lo.se https://*.example.se http://localhost:*");
        }
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
