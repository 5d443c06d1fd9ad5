package se.fragafacket.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a document speaks for and when: its title, the organisation (a union, "LO", "LO Norge"), the district or
 * local body ("LO-distriktet i Mellansverige", "Kommunal sektion Östra Göteborg"), the region or municipality
 * ("Mellansverige", "Alingsås") and the date it states for itself. Read from the document's content at ingestion
 * ({@code se.fragafacket.ingest.MetadataReader}) and settable by staff; any part may be null (unknown, or for an
 * override: not set).
 */
public record DocumentMetadata(String title, String organisation, String district, String region, LocalDate date) {

    /** Nothing known, or no override. */
    public static final DocumentMetadata NONE = new DocumentMetadata(null, null, null, null, null);

    /** Longest a title may be; the other texts are shorter still. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 120;

    /** A capitalised word or a number: what names an organisation or place (not "i", "region", "sektion"). */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PROPER = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}]*|\\p{N}+");

    public DocumentMetadata {
        title = blankToNull(title);
        organisation = blankToNull(organisation);
        district = blankToNull(district);
        region = blankToNull(region);
    }

    /** The fields' names, in the order staff see them and the index stores them. */
    public static final java.util.List<String> FIELDS = java.util.List.of("title", "organisation", "district", "region", "date");

    /** The fields that are set, by name in {@link #FIELDS}' order, as text (a date as YYYY-MM-DD). */
    public java.util.Map<String, String> texts() {
        String[] values = {title, organisation, district, region, date == null ? null : date.toString()};
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.put(FIELDS.get(i), values[i]);
            }
        }
        return out;
    }

    /**
     * Metadata from {@link #texts()}' form; a field absent is not set.
     *
     * @throws java.time.format.DateTimeParseException when the date is not YYYY-MM-DD
     */
    public static DocumentMetadata of(java.util.Map<String, String> texts) {
        String date = texts.get("date");
        return new DocumentMetadata(texts.get("title"), texts.get("organisation"), texts.get("district"),
                texts.get("region"), date == null ? null : LocalDate.parse(date));
    }

    public static DocumentMetadata titled(String title) {
        return new DocumentMetadata(title, null, null, null, null);
    }

    /** These values, each replaced by the override's where it sets one. */
    public DocumentMetadata overriddenBy(DocumentMetadata override) {
        if (override == null) {
            return this;
        }
        return new DocumentMetadata(
                override.title != null ? override.title : title,
                override.organisation != null ? override.organisation : organisation,
                override.district != null ? override.district : district,
                override.region != null ? override.region : region,
                override.date != null ? override.date : date);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Who speaks: the district or local body, else the organisation with its region, else the organisation;
     * null when unknown.
     */
    public String speaker() {
        if (district != null) {
            return district;
        }
        if (organisation != null && region != null && !names(organisation, region)) {
            return organisation + " " + region;
        }
        return organisation;
    }

    /**
     * The title members see: the title followed by who speaks ("Om oss — LO-distriktet i Mellansverige"),
     * unless the title names them already ("Om oss – LO-distriktet i Skåne", "LO i Trondheim").
     */
    public String displayTitle() {
        String speaker = speaker();
        if (title == null) {
            return speaker;
        }
        if (speaker == null || names(title, speaker)) {
            return title;
        }
        return title + " — " + speaker;
    }

    /** Whether {@code text} holds every capitalised word and number of {@code name} (case and accents aside). */
    static boolean names(String text, String name) {
        String words = " " + fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        Matcher proper = PROPER.matcher(name.replace('-', ' '));
        boolean any = false;
        while (proper.find()) {
            any = true;
            if (!words.contains(" " + fold(proper.group()) + " ")) {
                return false;
            }
        }
        return any;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (!singleSpaced(stripped)) {
            stripped = SPACES.matcher(stripped).replaceAll(" "); // compiled once: a restart reads every record
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** No white space but single plain spaces: nothing for {@link #SPACES} to change (most values, read at every restart). */
    private static boolean singleSpaced(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' ? i + 1 < value.length() && value.charAt(i + 1) == ' ' : c <= ' ' && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
