package se.fragafacket.curation;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Curation's errors as {@code {"error": "…"}}. Global (not limited to curation's controllers) because an
 * oversized upload fails while the request is read, before any controller is chosen; ordered before the
 * application's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CurationErrors {

    // looked up when needed: as a global advice this also loads in other features' web slices
    private final ObjectProvider<CurationProperties> properties;
    private final ObjectProvider<AuditLog> audit;

    CurationErrors(ObjectProvider<CurationProperties> properties, ObjectProvider<AuditLog> audit) {
        this.properties = properties;
        this.audit = audit;
    }

    @ExceptionHandler(CurationException.class)
    ResponseEntity<Map<String, String>> refused(CurationException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String message = tooLargeMessage(properties.getObject());
        if (request.getUserPrincipal() != null) {
            audit.getObject().record(request.getUserPrincipal().getName(), "upload", null, null, "refused", message);
        }
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("error", message));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingFile(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "Skicka filen som multipart-fältet \"file\". (Send the file as the multipart field 'file'.)"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> badMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "Uppladdningen kunde inte läsas; skicka filen som multipart/form-data i fältet \"file\". (Malformed multipart upload.)"));
    }

    static String tooLargeMessage(CurationProperties properties) {
        long mb = properties.maxUploadSize().toMegabytes();
        return "Filen är större än " + mb + " MB och togs inte emot; ingenting ändrades. (The file is larger than "
                + mb + " MB.)";
    }
}
