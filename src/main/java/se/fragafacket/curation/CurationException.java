package se.fragafacket.curation;

import org.springframework.http.HttpStatus;

/** A staff request that cannot be done; the message says why in plain words, and nothing was changed. */
class CurationException extends RuntimeException {

    private final HttpStatus status;

    CurationException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
