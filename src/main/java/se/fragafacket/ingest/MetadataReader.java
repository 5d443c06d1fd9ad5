package se.fragafacket.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.DocumentMetadata;
import se.fragafacket.search.Language;

/**
 * Reads whom a document speaks for and when from its own words: the LO bodies named the way they name
 * themselves ("LO-distriktet i X", "LO-facket i X", "LO-facken i X", "LO i X"), LO's member unions (a list of
 * names, data) with their local part ("Kommunal sektion Östra Göteborg", "Handels avdelning 20 (Stockholm)"),
 * and the date on a line that says the page was checked, updated or published. The title and headings count
 * first, then the opening lines, then the rest of the text.
 */
public final class MetadataReader {

    /** A place: up to three capitalised words ("Skåne", "Norra Sverige", "Östra Göteborg"). */
    private static final String PLACE = "(\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*){0,2})";
    /** LO's own bodies: a district, a local body in a municipality (Swedish), a local organisation (Norwegian). */
    static final Pattern LO_BODY = Pattern.compile(
            "\\b(LO-distriktet|LO-facket|LO-facken|LO-distrikt|LO) i " + PLACE, Pattern.UNICODE_CHARACTER_CLASS);
    /** "LO", "LOs", "LO-distriktet", "LO-fack…": LO speaks, though no body of it is named. */
    private static final Pattern LO = Pattern.compile("(?<![\\p{L}-])LO(?:s|:s)?(?![\\p{L}])", Pattern.UNICODE_CHARACTER_CLASS);

    /** LO's member unions in Sweden and Norway as they write their names, with the short name they go by. */
    private static final Map<String, String> UNIONS = Map.ofEntries(
            Map.entry("Byggnads", "Byggnads"),
            Map.entry("Elektrikerna", "Elektrikerna"),
            Map.entry("Fastighetsanställdas förbund", "Fastighets"),
            Map.entry("Fastighets", "Fastighets"),
            Map.entry("Försäkringsfacket", "Försäkringsfacket"),
            Map.entry("GS-facket", "GS-facket"),
            Map.entry("Handelsanställdas förbund", "Handels"),
            Map.entry("Handels", "Handels"),
            Map.entry("Hotell- och restaurangfacket", "Hotell- och restaurangfacket"),
            Map.entry("IF Metall", "IF Metall"),
            Map.entry("Kommunal", "Kommunal"),
            Map.entry("Livsmedelsarbetareförbundet", "Livs"),
            Map.entry("Livs", "Livs"),
            Map.entry("Målareförbundet", "Målareförbundet"),
            Map.entry("Musikerförbundet", "Musikerförbundet"),
            Map.entry("Pappers", "Pappers"),
            Map.entry("Seko", "Seko"),
            Map.entry("Transportarbetareförbundet", "Transport"),
            Map.entry("Fellesforbundet", "Fellesforbundet"),
            Map.entry("Fagforbundet", "Fagforbundet"),
            Map.entry("EL og IT Forbundet", "EL og IT Forbundet"),
            Map.entry("Handel og Kontor", "Handel og Kontor"),
            Map.entry("Industri Energi", "Industri Energi"),
            Map.entry("Norsk Arbeidsmandsforbund", "Norsk Arbeidsmandsforbund"),
            Map.entry("Norsk Transportarbeiderforbund", "Norsk Transportarbeiderforbund"),
            Map.entry("Fellesorganisasjonen", "FO"),
            Map.entry("Forbundet for Ledelse og Teknikk", "Lederne og Teknikk"));
    /** A union's name, then perhaps its local part: "sektion Östra Göteborg", "avdelning 20 (Stockholm)", "region Väst", "Göteborg". */
    private static final Pattern UNION;

    static {
        List<String> names = new ArrayList<>(UNIONS.keySet());
        names.sort((a, b) -> b.length() - a.length()); // the longest name first: "Handelsanställdas förbund" before "Handels"
        StringBuilder alternatives = new StringBuilder();
        for (String name : names) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(name));
        }
        UNION = Pattern.compile("(?<![\\p{L}-])(" + alternatives + ")(?![\\p{L}])"
                        + "(?:,? (sektion|avdelning|avd\\.|region|klubb|avdeling|distrikt) (\\d+|" + PLACE + ")"
                        + "(?: \\((" + PLACE.substring(1, PLACE.length() - 1) + ")\\))?"
                        + "| (?!Senast|Sist|Last)" + PLACE + ")?",
                Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** How many blocks after the title count as the opening: where a page says whose it is. */
    private static final int OPENING = 4;

    private static final Pattern ISO = Pattern.compile("\\b(20\\d\\d|19\\d\\d)-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern WRITTEN = Pattern.compile(
            "\\b(?:(\\d{1,2})\\.? )?(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
                    + "|januar|februar|mai|juni|juli|august|oktober|desember|january|february|march|may|june|july|october)"
                    + " (20\\d\\d|19\\d\\d)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "ma", "jun", "jul", "aug", "sep",
            "okt", "nov", "de");
    /** Words that say the date is the page's own: when it was written, checked or changed. */
    private static final List<String> OWN = List.of("granskad", "uppdaterad", "ändrad", "publicerad", "oppdatert", "endret",
            "publisert", "updated", "reviewed", "published");

    private MetadataReader() {
    }

    /**
     * Whom a document speaks for and when.
     *
     * @param title    its title (first heading or line)
     * @param texts    its headings and paragraphs in order
     * @param language the language it is written in: a Norwegian "LO" is LO Norge
     */
    public static DocumentMetadata read(String title, List<String> texts, Language language) {
        String lo = language == Language.NO ? "LO Norge" : "LO";
        List<String> opening = new ArrayList<>();
        opening.add(title == null ? "" : title);
        opening.addAll(texts.subList(0, Math.min(OPENING, texts.size())));
        DocumentMetadata found = loBody(opening, lo);
        if (found == null) {
            found = union(opening);
        }
        if (found == null) {
            found = loBody(texts, lo);
        }
        if (found == null) {
            found = union(texts.subList(0, Math.min(OPENING * 3, texts.size())));
        }
        if (found == null && (title != null && LO.matcher(title).find() || texts.stream().anyMatch(t -> LO.matcher(t).find()))) {
            found = new DocumentMetadata(null, lo, null, null, null);
        }
        DocumentMetadata metadata = found == null ? DocumentMetadata.NONE : found;
        return new DocumentMetadata(title, metadata.organisation(), metadata.district(), metadata.region(), date(texts));
    }

    private static DocumentMetadata loBody(List<String> texts, String lo) {
        for (String text : texts) {
            if (firstLoBody(text) instanceof Matcher body) {
                String kind = body.group(1);
                String place = body.group(2);
                return new DocumentMetadata(null, lo, kind + " i " + place, place, null);
            }
        }
        return null;
    }

    /**
     * {@link #LO_BODY}'s first match in the text, tried only where "LO" stands (each of its forms opens with it)
     * rather than at every position; null if none.
     */
    static Matcher firstLoBody(String text) {
        Matcher body = LO_BODY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = text.indexOf("LO"); at >= 0; at = text.indexOf("LO", at + 1)) {
            if (body.region(at, text.length()).lookingAt()) {
                return body;
            }
        }
        return null;
    }

    private static DocumentMetadata union(List<String> texts) {
        for (String text : texts) {
            Matcher union = UNION.matcher(text);
            if (!union.find()) {
                continue;
            }
            String name = UNIONS.get(union.group(1));
            if (union.group(2) != null) {
                String part = union.group(2).equals("avd.") ? "avdelning" : union.group(2);
                String region = union.group(5) != null ? union.group(5) : union.group(4);
                return new DocumentMetadata(null, name, name + " " + part + " " + union.group(3), region, null);
            }
            if (union.group(6) != null) {
                return new DocumentMetadata(null, name, name + " " + union.group(6), union.group(6), null);
            }
            return new DocumentMetadata(null, name, null, null, null);
        }
        return null;
    }

    /** The first date on a line that says it is the page's own (checked, updated, published), else null. */
    public static LocalDate date(List<String> texts) {
        for (String text : texts) {
            for (String line : text.split("\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (OWN.stream().noneMatch(lower::contains)) {
                    continue;
                }
                LocalDate date = parseDate(line);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    /** A date written as 2024-02-15, "15 februari 2024" or "mars 2024" (its first day), else null. */
    private static LocalDate parseDate(String line) {
        Matcher iso = ISO.matcher(line);
        if (iso.find()) {
            try {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher written = WRITTEN.matcher(line);
        if (written.find()) {
            String month = written.group(2).toLowerCase(Locale.ROOT);
            int m = month.startsWith("mai") || month.startsWith("maj") || month.equals("may") ? 5
                    : month.startsWith("mar") ? 3 : month.startsWith("ju") ? (month.startsWith("jun") ? 6 : 7)
                    : MONTHS.indexOf(month.substring(0, month.startsWith("de") ? 2 : 3)) + 1;
            int day = written.group(1) == null ? 1 : Integer.parseInt(written.group(1));
            try {
                return LocalDate.of(Integer.parseInt(written.group(3)), Math.max(1, m), day);
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
