package se.fragafacket.curation;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * How many uploaded files are read at once: at most {@code fraga.curation.parallel-uploads}; one more is
 * refused at once (429), not queued behind a slow file, so one staff member's large document never makes the
 * others wait.
 */
@Component
class UploadSlots {

    private final Semaphore slots;
    private final int size;

    UploadSlots(CurationProperties properties) {
        this.size = properties.parallelUploads();
        this.slots = new Semaphore(size);
    }

    /** Takes a slot if one is free; whoever gets one must {@link #release()} it. */
    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }

    /** How many files may be read at once. */
    int size() {
        return size;
    }
}
