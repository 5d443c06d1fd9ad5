package se.fragafacket.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The members' page is {@code static/index.html} at {@code /}; {@code /embed} serves the same page for the
 * widget's frame, where it shows itself compactly.
 */
@Configuration(proxyBeanMethods = false)
class ChatPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(MemberPageHeaders.EMBED_PATH).setViewName("forward:/index.html");
    }
}
