package se.fragafacket.chat;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.fragafacket.config.PublicSiteProperties;

/** Says, once the service answers, where members and staff open it. */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final PublicSiteProperties site;

    ReadyLog(PublicSiteProperties site) {
        this.site = site;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
        String base = site.base() != null ? site.base()
                : "http://localhost:" + web.getWebServer().getPort() + contextPath;
        log.info("Fråga facket is ready after {} ms: open the chat at {}/ (staff: {}/admin)",
                ManagementFactory.getRuntimeMXBean().getUptime(), base, base);
    }
}
