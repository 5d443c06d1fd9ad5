package se.fragafacket.answer.extract;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.fragafacket.search.Language;

/**
 * A follow-up's "she" is the person the earlier answer named: "Vilket telefonnummer har hon?" after an answer
 * naming Berit Örtell is searched and judged as "Vilket telefonnummer har hon (Berit Örtell)?". Only when the
 * earlier answer names exactly one person (two or three capitalised words in a row), so a pronoun is never
 * given the wrong person.
 */
public final class Coreference {

    private static final Map<Language, Set<String>> PRONOUNS = Map.of(
            Language.SV, Set.of("han", "hon", "honom", "henne", "hans", "hennes"),
            Language.NO, Set.of("han", "hun", "ham", "henne", "hans", "hennes"),
            Language.EN, Set.of("he", "she", "him", "her", "his", "hers"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** A person's name: two or three capitalised words, neither starting a sentence ("Berit Örtell", "Per Ek"). */
    private static final Pattern PERSON = Pattern.compile(
            "(?<![.!?]\\s)(?<!^)\\b(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?:\\s\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){1,2})\\b");

    private Coreference() {
    }

    /** The question with the one person the earlier answer named beside its pronoun; else as it is. */
    public static String resolve(String question, Language language, String previousAnswer) {
        if (previousAnswer == null || previousAnswer.isBlank()) {
            return question;
        }
        Set<String> pronouns = PRONOUNS.getOrDefault(language, Set.of());
        Matcher word = WORD.matcher(question);
        int end = -1;
        while (word.find()) {
            if (pronouns.contains(word.group().toLowerCase(Locale.ROOT))) {
                end = word.end();
                break;
            }
        }
        if (end < 0) {
            return question;
        }
        Set<String> people = people(previousAnswer);
        if (people.size() != 1) {
            return question;
        }
        return question.substring(0, end) + " (" + people.iterator().next() + ")" + question.substring(end);
    }

    /** The people an answer names, as written. */
    static Set<String> people(String answer) {
        Set<String> people = new LinkedHashSet<>();
        Matcher person = PERSON.matcher(answer);
        while (person.find()) {
            people.add(person.group(1));
        }
        return people;
    }
}
