package se.fragafacket.curation;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes insights and audit entries older than {@code fraga.privacy.keep-questions} (90 days by default): once
 * when the service is ready, then every {@code check-every}. Only {@code deleteOlderThan(Instant)} of each store
 * is called, so other stores (a database) only need that method.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Insights insights;
    private final AuditLog audit;
    private final Clock clock;
    private final PrivacyProperties properties;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retention");
        thread.setDaemon(true);
        return thread;
    });

    Retention(Insights insights, AuditLog audit, Clock clock, PrivacyProperties properties) {
        this.insights = insights;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = Math.max(1, properties.checkEvery().toSeconds());
        schedule.scheduleWithFixedDelay(this::run, 0, every, TimeUnit.SECONDS);
    }

    /** Deletes what is past its time now; how many entries went. Never throws. */
    int run() {
        Instant cutoff = clock.instant().minus(properties.keepQuestions());
        int removed = 0;
        try {
            removed += insights.deleteOlderThan(cutoff);
        } catch (RuntimeException e) {
            failed("insights", e);
        }
        try {
            removed += audit.deleteOlderThan(cutoff);
        } catch (RuntimeException e) {
            failed("audit entries", e);
        }
        if (removed > 0) {
            log.info("Deleted {} insights and audit entries from before {} (kept for {})", removed, cutoff,
                    properties.keepQuestions());
        }
        return removed;
    }

    /** A failure is an error, unless the service is stopping: then the next start deletes what is due. */
    private static void failed(String what, RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
            log.info("Deleting old {} stopped: the service is stopping", what);
        } else {
            log.error("Could not delete old {}: {}", what, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        schedule.shutdownNow();
    }
}
