package se.fragafacket.curation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in what members write before anything of it is stored: Swedish personal identity and
 * coordination numbers, Norwegian birth numbers (fødselsnummer) and D-numbers, e-mail addresses and phone
 * numbers (Swedish, Norwegian and international forms).
 * <p>
 * An answer is the documents' text: the phone numbers and addresses they publish (a staff member's office
 * phone) are not the member's and stay; only what the member wrote is masked in it, and identity numbers always.
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
    /**
     * Norwegian fødselsnummer DDMMYY + five digits (a space may come after the date); a D-number has the day plus 40.
     * Masked whether its check digits hold or not: a mistyped number is still someone's.
     */
    private static final Pattern NORWEGIAN_IDENTITY = Pattern.compile(
            "(?<![\\d-])(?:0[1-9]|[12]\\d|3[01]|4[1-9]|[56]\\d|7[01])(?:0[1-9]|1[0-2])\\d{2}\\s?\\d{5}(?!\\d)");
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
        masked = NORWEGIAN_IDENTITY.matcher(masked).replaceAll(PERSONAL_NUMBER);
        masked = PERSONAL.matcher(masked).replaceAll(PERSONAL_NUMBER);
        masked = MAIL.matcher(masked).replaceAll(EMAIL);
        masked = PHONE_NUMBER.matcher(masked).replaceAll(PHONE);
        return NORWEGIAN_PHONE.matcher(masked).replaceAll(PHONE);
    }

    /**
     * An answer as kept: identity numbers masked always; phone numbers and e-mail addresses only where the
     * member's own {@code question} holds them too (echoed back), not where the documents publish them.
     */
    static String maskAnswer(String answer, String question) {
        if (answer == null || answer.isEmpty()) {
            return answer == null ? "" : answer;
        }
        String masked = NORWEGIAN_IDENTITY.matcher(answer).replaceAll(PERSONAL_NUMBER);
        masked = PERSONAL.matcher(masked).replaceAll(PERSONAL_NUMBER);
        Set<String> members = new HashSet<>();
        if (question != null) {
            for (Pattern contact : List.of(MOBILE, MAIL, PHONE_NUMBER, NORWEGIAN_PHONE)) {
                Matcher found = contact.matcher(question);
                while (found.find()) {
                    members.add(key(found.group()));
                }
            }
        }
        if (members.isEmpty()) {
            return masked;
        }
        masked = only(MOBILE, masked, members, PHONE);
        masked = only(MAIL, masked, members, EMAIL);
        masked = only(PHONE_NUMBER, masked, members, PHONE);
        return only(NORWEGIAN_PHONE, masked, members, PHONE);
    }

    private static String only(Pattern pattern, String text, Set<String> members, String mask) {
        return pattern.matcher(text).replaceAll(m -> members.contains(key(m.group())) ? mask : Matcher.quoteReplacement(m.group()));
    }

    /** A number by its digits, an address without case: "070-123 45 67" is "0701234567". */
    private static String key(String found) {
        String digits = found.replaceAll("\\D", "");
        return digits.length() >= 6 && !found.contains("@") ? digits : found.toLowerCase(Locale.ROOT);
    }
}
