package se.fragafacket.answer;

import java.util.regex.Pattern;

/**
 * Recognises attempts to make the assistant leave its instructions ("ignorera dina instruktioner",
 * "you are now …"), which get the plain referral instead of an answer.
 */
final class QuestionGuard {

    private static final Pattern MANIPULATION = Pattern.compile(String.join("|",
            "\\b(ignore|ignorera|ignorer|glöm|glem|forget|disregard|bortse från|strunta i)\\b.{0,40}\\b(instru\\w*|regl\\w*|rules|prompt\\w*|previous|tidigare|ovan|above|allt|alt|everything)",
            "\\bsystem ?prompt\\w*",
            "\\b(you are now|du är nu|du er nå|from now on you|från och med nu är du|fra nå av er du)\\b",
            "\\b(act as|pretend to be|låtsas att du|låtsas vara|lat som om du|roleplay as)\\b",
            "\\b(jailbreak|developer mode|utvecklarläge|DAN mode)\\b",
            "\\b(reveal|visa|avslöja|vis)\\b.{0,30}\\b(instructions|instruktioner|instruksjoner|prompt)"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuestionGuard() {
    }

    static boolean isManipulation(String message) {
        return MANIPULATION.matcher(message).find();
    }
}
