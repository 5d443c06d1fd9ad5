package se.fragafacket.curation;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.fragafacket.search.InvalidSynonymsException;
import se.fragafacket.search.OrganisationSynonyms;

/**
 * Staff's list of the organisation's terms and slang (Solr synonym format): read it, replace it. A new list
 * is checked line by line first; a line that cannot be read is refused with its number and why, and the old
 * list stays. The next question uses the new list; nothing is re-indexed.
 */
@RestController
@RequestMapping({"/api/admin/synonyms", "/admin/api/synonyms"})
class SynonymsController {

    private final OrganisationSynonyms synonyms;
    private final AuditLog audit;

    SynonymsController(OrganisationSynonyms synonyms, AuditLog audit) {
        this.synonyms = synonyms;
        this.audit = audit;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String text() {
        return synonyms.text();
    }

    /** Replaces the whole list with the text sent (one rule a line). */
    @PutMapping
    Map<String, Integer> replace(@RequestBody(required = false) String text, Principal user) {
        try {
            int rules = synonyms.save(text == null ? "" : text);
            audit.record(user.getName(), "synonyms-save", null, null, "ok", rules + " rules");
            return Map.of("rules", rules);
        } catch (InvalidSynonymsException e) {
            audit.record(user.getName(), "synonyms-save", null, null, "refused", e.getMessage());
            throw new CurationException(HttpStatus.BAD_REQUEST, "Listan sparades inte, den gamla gäller: " + e.getMessage());
        }
    }
}
