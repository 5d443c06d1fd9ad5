package se.fragafacket.telegram;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import se.fragafacket.store.LeaderLock;

/**
 * Long polling in the shared mode: Telegram allows one {@code getUpdates} caller per bot (another gets 409),
 * so only the instance holding the store's lock polls. Every {@code fraga.shared.leader-check-interval} each
 * instance that does not poll tries to take the lock, and the one that polls checks it still holds it; when
 * the polling instance stops or dies its lock goes, and the next instance to try takes over.
 */
class TelegramLeadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramLeadership.class);

    private final Supplier<TelegramPolling> pollers;
    private final LeaderLock lock;
    private final Duration interval;
    private volatile boolean running;
    private volatile Thread thread;
    private TelegramPolling polling;

    TelegramLeadership(Supplier<TelegramPolling> pollers, LeaderLock lock, Duration interval) {
        this.pollers = pollers;
        this.lock = lock;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("telegram-leadership").start(this::run);
    }

    private void run() {
        while (running) {
            synchronized (this) {
                if (!running) {
                    return;
                }
                if (polling == null && lock.tryAcquire()) {
                    polling = pollers.get();
                    polling.start();
                } else if (polling != null && !lock.stillHeld()) {
                    log.warn("Stopped polling Telegram: this instance no longer holds the store's lock");
                    polling.stop();
                    polling = null;
                }
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether this instance polls Telegram now. */
    synchronized boolean polls() {
        return polling != null;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (polling != null) {
            polling.stop();
            polling = null;
        }
        lock.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
