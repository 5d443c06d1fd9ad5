package se.fragafacket.curation;

import java.util.regex.Pattern;

/**
 * Masks personal data in what members write before anything of it is stored: Swedish personal identity and
 * coordination numbers, e-mail addresses and phone numbers (Swedish, Norwegian and international forms).
 */
final class PersonalData {

    static final String PERSONAL_NUMBER = "[personnummer]";
    static final String EMAIL = "[e-post]";
    static final String PHONE = "[telefonnummer]";

    /**
     * YYYYMMDD-NNNN or YYMMDD-NNNN (also "+" for over 100, a space or nothing between); a coordination
     * number has the day plus 60.
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?<![\\d-])(?:19|20)?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])\\s?[-+]?\\s?\\d{4}(?!\\d)");
    /** A Swedish mobile number written as ten digits, which would also read as a personal number of 2007. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)07\\d{8}(?!\\d)");
    private static final Pattern MAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+(?:@|\\s?\\(at\\)\\s?|\\s?\\[at]\\s?)[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /** International (+46 70 …, 0046 …) and national numbers starting with 0 (070-123 45 67, 08-123 456 78). */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:\\+|00)\\d{1,3}[\\s-]?(?:\\(0\\)[\\s-]?)?\\d{1,4}|0\\d{1,3})(?:[\\s/-]?\\d{2,4}){2,4}(?![\\p{L}\\p{N}])");
    /** Norwegian numbers: eight digits, together or as 22 33 44 55 or 912 34 567. */
    private static final Pattern NORWEGIAN_PHONE = Pattern.compile(
            "(?<![\\p{N}\\p{L}])(?:[2-9]\\d{7}|[2-9]\\d(?: \\d{2}){3}|[49]\\d{2} \\d{2} \\d{3})(?![\\p{N}\\p{L}])");

    private PersonalData() {
    }

    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String masked = MOBILE.matcher(text).replaceAll(PHONE);
        masked = PERSONAL.matcher(masked).replaceAll(PERSONAL_NUMBER);
        masked = MAIL.matcher(masked).replaceAll(EMAIL);
        masked = PHONE_NUMBER.matcher(masked).replaceAll(PHONE);
        return NORWEGIAN_PHONE.matcher(masked).replaceAll(PHONE);
    }
}
