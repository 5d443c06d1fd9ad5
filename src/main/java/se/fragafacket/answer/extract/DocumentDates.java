package se.fragafacket.answer.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.KnowledgeIndex;
import se.fragafacket.search.Passage;

/**
 * The date a document states for itself ("Senast granskad: 2024-02-15", "Sist oppdatert mars 2024"), read
 * from its text and kept while its content is the same: a newer copy of a page outranks an older one.
 */
public final class DocumentDates {

    private static final Pattern ISO = Pattern.compile("\\b(20\\d\\d|19\\d\\d)-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern WRITTEN = Pattern.compile(
            "\\b(?:(\\d{1,2})\\.? )?(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
                    + "|januar|februar|mai|juni|juli|august|oktober|desember|january|february|march|may|june|july|october)"
                    + " (20\\d\\d|19\\d\\d)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "ma", "jun", "jul", "aug", "sep",
            "okt", "nov", "de");
    /** Words that say the date is the page's own: when it was written, checked or changed. */
    private static final Pattern OWN = Pattern.compile(
            "(granskad|uppdaterad|ändrad|publicerad|oppdatert|endret|publisert|updated|reviewed|published)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final KnowledgeIndex index;
    private final Map<String, Optional<LocalDate>> known = new ConcurrentHashMap<>();

    public DocumentDates(KnowledgeIndex index) {
        this.index = index;
    }

    /** The document's own date, or null when its text states none. */
    public LocalDate date(String documentId) {
        return index.document(documentId).map(document -> known.computeIfAbsent(
                        documentId + '#' + document.contentHash(),
                        key -> Optional.ofNullable(read(index.passages(documentId).stream().map(Passage::text).toList()))))
                .flatMap(date -> date).orElse(null);
    }

    /** The first date on a line that says it is the page's own (checked, updated, published), else null. */
    public static LocalDate read(List<String> texts) {
        for (String text : texts) {
            for (String line : text.split("\n")) {
                if (!OWN.matcher(line).find()) {
                    continue;
                }
                LocalDate date = parse(line);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    static LocalDate parse(String line) {
        Matcher iso = ISO.matcher(line);
        if (iso.find()) {
            try {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        Matcher written = WRITTEN.matcher(line);
        if (written.find()) {
            String month = written.group(2).toLowerCase(java.util.Locale.ROOT);
            int m = month.startsWith("mai") || month.startsWith("maj") || month.equals("may") ? 5
                    : month.startsWith("mar") ? 3 : month.startsWith("ju") ? (month.startsWith("jun") ? 6 : 7)
                    : MONTHS.indexOf(month.substring(0, month.startsWith("de") ? 2 : 3)) + 1;
            int day = written.group(1) == null ? 1 : Integer.parseInt(written.group(1));
            try {
                return LocalDate.of(Integer.parseInt(written.group(3)), Math.max(1, m), day);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
