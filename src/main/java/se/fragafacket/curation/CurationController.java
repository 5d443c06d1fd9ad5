package se.fragafacket.curation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import se.fragafacket.answer.AnswerService;
import se.fragafacket.answer.Source;
import se.fragafacket.ingest.KeptVersion;
import se.fragafacket.ingest.DocumentStore;
import se.fragafacket.ingest.KnowledgeBase;
import se.fragafacket.ingest.UnreadableDocumentException;
import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.DocumentRecord;
import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.limits.LimitProbe;
import se.fragafacket.limits.RateLimitedException;
import se.fragafacket.search.Passage;

/**
 * The staff API over the knowledge base: list, upload (which replaces a document of the same name), view with
 * passages, delete, list and restore kept versions, set whom a document speaks for, and try a question. Served as {@code /api/admin/…} (HTTP
 * Basic) and as {@code /admin/api/…} for the staff page (its login session and CSRF token). A change is visible
 * to answers when the call returns; refused uploads change nothing.
 */
@RestController
@RequestMapping({"/api/admin", "/admin/api"})
class CurationController {

    /**
     * Whom a document speaks for and when: as it holds now, as read from the content, and what staff set.
     *
     * @param displayTitle the title members see, naming the organisation
     * @param overridden   the fields staff set (title, organisation, district, region, date)
     */
    record MetadataView(String title, String displayTitle, String organisation, String district, String region,
                        LocalDate date, MetadataFields fromContent, MetadataFields override, List<String> overridden) {
        static MetadataView of(DocumentRecord record) {
            DocumentMetadata now = record.metadata();
            return new MetadataView(record.title(), record.displayTitle(), now.organisation(), now.district(),
                    now.region(), now.date(), MetadataFields.of(record.read()), MetadataFields.of(record.override()),
                    List.copyOf(record.override().texts().keySet()));
        }
    }

    /** The five fields; null where unknown or, in an override, not set. */
    record MetadataFields(String title, String organisation, String district, String region, LocalDate date) {
        static MetadataFields of(DocumentMetadata metadata) {
            return new MetadataFields(metadata.title(), metadata.organisation(), metadata.district(), metadata.region(),
                    metadata.date());
        }
    }

    /** A document as listed. */
    record DocumentView(String documentId, String title, String fileName, String language, int chunks,
                        Instant updatedAt, String displayTitle, String organisation, String district, String region,
                        LocalDate date, List<String> overridden) {
        static DocumentView of(DocumentRecord record) {
            MetadataView metadata = MetadataView.of(record);
            return new DocumentView(record.documentId(), record.title(), record.fileName(), record.language().code(),
                    record.chunks(), record.updatedAt(), metadata.displayTitle(), metadata.organisation(),
                    metadata.district(), metadata.region(), metadata.date(), metadata.overridden());
        }
    }

    /** The answer to an upload: the document as now indexed, and whether it replaced one. */
    record UploadView(String documentId, String title, String fileName, String language, int chunks,
                      Instant updatedAt, boolean replaced) {
    }

    /** One passage of a document as indexed. */
    record ChunkView(int ordinal, String headingPath, String text) {
    }

    /** A document with its passages and whom it speaks for. */
    record DocumentDetail(String documentId, String title, String fileName, String language, Instant updatedAt,
                          String contentHash, List<ChunkView> chunks, MetadataView metadata) {
    }

    /** A question to try, after the earlier questions of a conversation (optional) to try a follow-up. */
    record TrialRequest(String question, List<String> earlier) {
        List<String> earlierOrNone() {
            return earlier == null ? List.of() : earlier;
        }
    }

    /** A retrieved passage and its score, best first. */
    record ScoredPassage(String documentId, String title, String headingPath, String text, int ordinal, double score) {
        static ScoredPassage of(Passage passage) {
            return new ScoredPassage(passage.documentId(), passage.title(), passage.headingPath(), passage.text(),
                    passage.ordinal(), passage.score());
        }
    }

    /** A candidate sentence as the scorer saw it: its features and its probability of answering. */
    record CandidateView(String documentId, String headingPath, String text, double probability,
                         java.util.Map<String, Double> features) {
        static CandidateView of(se.fragafacket.answer.extract.Decision.Scored scored) {
            return new CandidateView(scored.candidate().passage().documentId(), scored.candidate().passage().headingPath(),
                    scored.candidate().unit().text(), Math.round(scored.probability() * 1000) / 1000.0, scored.named());
        }
    }

    /**
     * What a question would get and why.
     *
     * @param reason     the decision ("svarat: …", "avböjt: …"), null with a model server
     * @param candidates the chosen and the runner-up sentences with their features
     */
    record TrialView(boolean answered, String answer, List<Source> sources, List<ScoredPassage> passages,
                     String reason, List<CandidateView> candidates, Map<String, List<IdeaView>> ideas) {
    }

    /** One idea of the question in one language: its alternatives as searched, and its weight (rarity). */
    record IdeaView(List<String> alternatives, double weight, boolean scope) {
        static IdeaView of(se.fragafacket.search.TermGroup group) {
            return new IdeaView(List.copyOf(group.alternatives()), Math.round(group.weight() * 100) / 100.0, group.scope());
        }
    }

    private static final Duration BUSY_RETRY = Duration.ofSeconds(10);

    private final DocumentStore knowledgeBase;
    private final KnowledgeIndex index;
    private final AnswerService answers;
    private final AuditLog audit;
    private final CurationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UploadSlots reading;

    CurationController(DocumentStore knowledgeBase, KnowledgeIndex index, AnswerService answers, AuditLog audit,
                       CurationProperties properties, ApplicationEventPublisher events, Clock clock,
                       UploadSlots reading) {
        this.knowledgeBase = knowledgeBase;
        this.index = index;
        this.answers = answers;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.reading = reading;
    }

    @GetMapping("/documents")
    List<DocumentView> documents() {
        return index.documents().stream().map(DocumentView::of).toList();
    }

    /**
     * Takes a file into the knowledge base; a file whose documentId (name without extension) is taken
     * replaces that document. {@code replaces} names a document to replace with a file of any name.
     */
    @PostMapping("/documents")
    ResponseEntity<UploadView> upload(@RequestParam("file") MultipartFile file,
                                      @RequestParam(value = "replaces", required = false) String replaces,
                                      Principal user) throws IOException {
        String name = file.getOriginalFilename();
        String action = "upload";
        checkName(name, user, action);
        if (replaces != null && !replaces.isBlank()) {
            action = "replace";
            if (index.document(replaces).isEmpty()) {
                throw refused(HttpStatus.NOT_FOUND, user, action, name, "Det finns inget dokument \"" + replaces
                        + "\" att ersätta. (No document " + replaces + ".)");
            }
            name = FileNames.replacing(replaces, name);
            checkName(name, user, action);
        }
        if (file.isEmpty()) {
            throw refused(HttpStatus.BAD_REQUEST, user, action, name, "Filen \"" + name + "\" är tom och togs inte emot; ingenting ändrades. (The file is empty.)");
        }
        if (file.getSize() > properties.maxUploadSize().toBytes()) {
            throw refused(HttpStatus.CONTENT_TOO_LARGE, user, action, name, CurationErrors.tooLargeMessage(properties));
        }
        String documentId = KnowledgeBase.documentId(name);
        boolean replaced = index.document(documentId).isPresent();
        if (replaced) {
            action = "replace";
        }
        DocumentRecord record;
        if (!reading.tryAcquire()) {
            String busy = "Just nu läses redan " + reading.size() + " filer in. Försök igen om en stund; ingenting ändrades. "
                    + "(Too many uploads being read at once; try again shortly.)";
            audit.record(user.getName(), action, name, KnowledgeBase.documentId(name), "refused", busy);
            throw new RateLimitedException(busy, new LimitProbe(false, BUSY_RETRY));
        }
        try {
            record = knowledgeBase.put(name, file.getBytes());
        } catch (UnreadableDocumentException e) {
            throw refused(HttpStatus.BAD_REQUEST, user, action, name, "Filen \"" + name
                    + "\" togs inte emot och ingenting ändrades: den kunde inte läsas. (Not taken: " + e.getMessage() + ".)");
        } finally {
            reading.release();
        }
        changed(user, action, record.documentId(), record.fileName(), replaced ? "earlier version kept" : "");
        var view = new UploadView(record.documentId(), record.title(), record.fileName(), record.language().code(),
                record.chunks(), record.updatedAt(), replaced);
        return ResponseEntity.created(URI.create("/api/admin/documents/"
                + UriUtils.encodePathSegment(record.documentId(), StandardCharsets.UTF_8))).body(view);
    }

    @GetMapping("/documents/{documentId}")
    DocumentDetail document(@PathVariable String documentId) {
        DocumentRecord record = index.document(documentId).orElseThrow(() -> noDocument(documentId));
        List<ChunkView> chunks = index.passages(documentId).stream()
                .map(p -> new ChunkView(p.ordinal(), p.headingPath(), p.text())).toList();
        return new DocumentDetail(record.documentId(), record.title(), record.fileName(), record.language().code(),
                record.updatedAt(), record.contentHash(), chunks, MetadataView.of(record));
    }

    /** Whom a document speaks for and when, as it holds now, as read from its content, and as staff set it. */
    @GetMapping("/documents/{documentId}/metadata")
    MetadataView metadata(@PathVariable String documentId) {
        return MetadataView.of(index.document(documentId).orElseThrow(() -> noDocument(documentId)));
    }

    /**
     * Sets staff's title, organisation, district, region and date of a document all at once: a field left out,
     * null or empty is not set (the content's value holds). Kept until cleared, also when the file is replaced.
     */
    @PutMapping("/documents/{documentId}/metadata")
    MetadataView setMetadata(@PathVariable String documentId, @RequestBody(required = false) Map<String, Object> body,
                             Principal user) throws IOException {
        return describe(documentId, body == null ? Map.of() : body, false, user);
    }

    /** Changes only the fields given; a field given as null or empty is cleared (the content's value holds again). */
    @PatchMapping("/documents/{documentId}/metadata")
    MetadataView patchMetadata(@PathVariable String documentId, @RequestBody(required = false) Map<String, Object> body,
                               Principal user) throws IOException {
        return describe(documentId, body == null ? Map.of() : body, true, user);
    }

    /** Clears everything staff set of a document: the content's title, organisation, district, region and date hold. */
    @DeleteMapping("/documents/{documentId}/metadata")
    MetadataView clearMetadata(@PathVariable String documentId, Principal user) throws IOException {
        return describe(documentId, Map.of(), false, user);
    }

    /** @param patch whether the fields not given keep staff's values (else they are not set) */
    private MetadataView describe(String documentId, Map<String, Object> body, boolean patch, Principal user)
            throws IOException {
        DocumentRecord before = index.document(documentId).orElseThrow(() -> refusedDescribe(HttpStatus.NOT_FOUND, user,
                documentId, noDocument(documentId).getMessage()));
        DocumentMetadata base = patch ? before.override() : DocumentMetadata.NONE;
        for (String field : body.keySet()) {
            if (!DocumentMetadata.FIELDS.contains(field)) {
                throw refusedDescribe(HttpStatus.BAD_REQUEST, user, documentId, "Okänt fält \"" + field
                        + "\"; det går att ändra title, organisation, district, region och date. (Unknown field.)");
            }
        }
        String title = field(body, "title", base.title(), DocumentMetadata.MAX_TITLE, user, documentId);
        String organisation = field(body, "organisation", base.organisation(), DocumentMetadata.MAX_NAME, user, documentId);
        String district = field(body, "district", base.district(), DocumentMetadata.MAX_NAME, user, documentId);
        String region = field(body, "region", base.region(), DocumentMetadata.MAX_NAME, user, documentId);
        String dateText = field(body, "date", base.date() == null ? null : base.date().toString(), 100, user, documentId);
        LocalDate date = null;
        if (dateText != null) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw refusedDescribe(HttpStatus.BAD_REQUEST, user, documentId, "Datumet \"" + dateText
                        + "\" går inte att läsa; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2024-02-15. Ingenting ändrades. "
                        + "(The date must be written YYYY-MM-DD.)");
            }
        }
        DocumentMetadata override = new DocumentMetadata(title, organisation, district, region, date);
        DocumentRecord record;
        try {
            record = knowledgeBase.describe(documentId, override).orElseThrow(() -> refusedDescribe(
                    HttpStatus.NOT_FOUND, user, documentId, noDocument(documentId).getMessage()));
        } catch (UnreadableDocumentException e) {
            throw refusedDescribe(HttpStatus.CONFLICT, user, documentId, "Dokumentets fil kan inte läsas längre, så "
                    + "uppgifterna kunde inte användas. (" + e.getMessage() + ")");
        }
        String detail = override.isEmpty() ? "metadata cleared" : "metadata set: " + String.join(", ",
                override.texts().keySet());
        changed(user, "describe", documentId, before.fileName(), detail);
        return MetadataView.of(record);
    }

    /** A text field of a metadata change: the body's value if it has the field (empty or null: not set), else as before. */
    private String field(Map<String, Object> body, String name, String before, int max, Principal user, String documentId) {
        if (!body.containsKey(name)) {
            return before;
        }
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw refusedDescribe(HttpStatus.BAD_REQUEST, user, documentId, "Fältet " + name
                    + " ska vara text. Ingenting ändrades. (The field " + name + " must be a string.)");
        }
        String stripped = text.strip();
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            throw refusedDescribe(HttpStatus.BAD_REQUEST, user, documentId, "Fältet " + name
                    + " får inte innehålla radbrytningar eller styrtecken. Ingenting ändrades. (No line breaks or control characters.)");
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw refusedDescribe(HttpStatus.BAD_REQUEST, user, documentId, "Fältet " + name + " är för långt: högst "
                    + max + " tecken. Ingenting ändrades. (The field " + name + " is longer than " + max + " characters.)");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** A body that is no JSON object: for a metadata change, said in its own terms and audited; else as elsewhere. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.endsWith("/metadata")) {
            return ResponseEntity.badRequest().body(Map.of("error", se.fragafacket.config.ApiErrors.UNREADABLE_BODY));
        }
        String message = "Uppgifterna ska skickas som ett JSON-objekt, till exempel {\"title\": \"Om oss\", "
                + "\"district\": \"LO-distriktet i Skåne\", \"date\": \"2024-02-15\"}. Ingenting ändrades. "
                + "(The body must be a JSON object with text values.)";
        if (request.getUserPrincipal() != null) {
            String[] parts = path.split("/");
            audit.record(request.getUserPrincipal().getName(), "describe", null,
                    parts.length >= 2 ? UriUtils.decode(parts[parts.length - 2], StandardCharsets.UTF_8) : null,
                    "refused", message);
        }
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }

    private CurationException refusedDescribe(HttpStatus status, Principal user, String documentId, String message) {
        audit.record(user.getName(), "describe", null, documentId, "refused", message);
        return new CurationException(status, message);
    }

    @DeleteMapping("/documents/{documentId}")
    ResponseEntity<Void> delete(@PathVariable String documentId, Principal user) throws IOException {
        DocumentRecord record = index.document(documentId).orElseThrow(() -> noDocument(documentId));
        if (!knowledgeBase.remove(documentId)) {
            throw noDocument(documentId);
        }
        changed(user, "delete", documentId, record.fileName(), "kept as a version");
        return ResponseEntity.noContent().build();
    }

    /** A document's kept earlier versions, newest first; also of a deleted document. */
    @GetMapping("/documents/{documentId}/versions")
    List<KeptVersion> versions(@PathVariable String documentId) throws IOException {
        return knowledgeBase.versions(documentId);
    }

    /** Every kept version, newest first: what can be restored. */
    @GetMapping("/versions")
    List<KeptVersion> allVersions() throws IOException {
        return knowledgeBase.versions();
    }

    /** Makes a kept version current again; the version it replaces is kept in turn. */
    @PostMapping("/documents/{documentId}/versions/{versionId}/restore")
    DocumentView restore(@PathVariable String documentId, @PathVariable String versionId, Principal user)
            throws IOException {
        DocumentRecord record;
        try {
            record = knowledgeBase.restore(documentId, versionId).orElseThrow(() -> new CurationException(
                    HttpStatus.NOT_FOUND, "Det finns ingen sparad version " + versionId + " av \"" + documentId
                    + "\". (No such version.)"));
        } catch (UnreadableDocumentException e) {
            throw new CurationException(HttpStatus.CONFLICT, "Versionen kan inte läsas längre och återställdes inte. ("
                    + e.getMessage() + ")");
        }
        changed(user, "restore", record.documentId(), record.fileName(), "version " + versionId);
        return DocumentView.of(record);
    }

    /** A question answered as members would get it, with the passages retrieved and their scores; recorded nowhere. */
    @PostMapping("/trial")
    TrialView trial(@RequestBody TrialRequest request) {
        AnswerService.Trial trial = answers.trial(request.question(), request.earlierOrNone());
        var decision = trial.decision();
        return new TrialView(trial.answer().answered(), trial.answer().text(), trial.answer().sources(),
                trial.passages().stream().map(ScoredPassage::of).toList(),
                decision == null ? null : decision.reason(),
                decision == null ? List.of() : decision.ranked().stream().limit(2).map(CandidateView::of).toList(),
                ideas(trial.ideas()));
    }

    private static Map<String, List<IdeaView>> ideas(Map<se.fragafacket.search.Language, List<se.fragafacket.search.TermGroup>> ideas) {
        Map<String, List<IdeaView>> out = new java.util.TreeMap<>();
        ideas.forEach((language, groups) -> out.put(language.code(), groups.stream().map(IdeaView::of).toList()));
        return out;
    }

    @GetMapping("/audit")
    List<AuditLog.Entry> audit() {
        return audit.recent();
    }

    private void changed(Principal user, String action, String documentId, String fileName, String detail)
            throws IOException {
        knowledgeBase.pruneVersions(documentId, properties.versionsKept());
        audit.record(user.getName(), action, fileName, documentId, "ok", detail);
        events.publishEvent(new KnowledgeChanged(action, documentId, fileName, user.getName(), clock.instant()));
    }

    private void checkName(String name, Principal user, String action) {
        var problem = FileNames.problem(name);
        if (problem.isPresent()) {
            throw refused(HttpStatus.BAD_REQUEST, user, action, name, problem.get());
        }
    }

    /** Records a refused change in the audit log; the exception answers the request. */
    private CurationException refused(HttpStatus status, Principal user, String action, String name, String message) {
        audit.record(user.getName(), action, name, name == null ? null : KnowledgeBase.documentId(name), "refused", message);
        return new CurationException(status, message);
    }

    private static CurationException noDocument(String documentId) {
        return new CurationException(HttpStatus.NOT_FOUND, "Det finns inget dokument \"" + documentId
                + "\". (No document with that id.)");
    }
}
