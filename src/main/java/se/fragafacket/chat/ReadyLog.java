package se.fragafacket.chat;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.fragafacket.config.PublicSiteProperties;
import se.fragafacket.search.LanguageResources;

/**
 * Says, once the service answers, where members and staff open it, how long the start took (wall and CPU
 * time), and — where the language resources are still being read beside the start — that a question waits for
 * them, and when they are read.
 */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final PublicSiteProperties site;
    private final ObjectProvider<LanguageResources> resources;

    ReadyLog(PublicSiteProperties site, ObjectProvider<LanguageResources> resources) {
        this.site = site;
        this.resources = resources;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
        String base = site.base() != null ? site.base()
                : "http://localhost:" + web.getWebServer().getPort() + contextPath;
        LanguageResources language = resources.getIfAvailable();
        List<String> pending = language == null ? List.of() : language.pending();
        log.info("Fråga facket is ready after {} ms ({} ms of CPU): open the chat at {}/ (staff: {}/admin){}",
                ManagementFactory.getRuntimeMXBean().getUptime(), cpuMillis(), base, base,
                pending.isEmpty() ? "" : "; still reading " + String.join(", ", pending)
                        + " beside it (a question asked now waits for them)");
        if (!pending.isEmpty()) {
            language.all().thenRun(() -> log.info("Language resources read after {} ms ({} ms of CPU): questions are "
                    + "answered without waiting", ManagementFactory.getRuntimeMXBean().getUptime(), cpuMillis()));
        }
    }

    /** The process's CPU time so far (all threads), or -1 where the JVM does not tell. */
    static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
