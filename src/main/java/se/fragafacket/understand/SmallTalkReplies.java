package se.fragafacket.understand;

import java.util.List;

import se.fragafacket.search.Language;

/**
 * The short, friendly reply to a message that asks nothing of the documents: what the service knows about
 * (the documents' titles), how to ask, and the help line. Not an answer from the documents.
 */
public final class SmallTalkReplies {

    private static final int TITLES_SHOWN = 6;

    private SmallTalkReplies() {
    }

    public static String reply(Understood.SmallTalk kind, Language language, List<String> titles, String helpLine) {
        String topics = String.join(", ", titles.stream().distinct().limit(TITLES_SHOWN).toList());
        return switch (language) {
            case SV -> (switch (kind) {
                case THANKS -> "Varsågod! ";
                case GREETING -> "Hej! ";
                case CAPABILITIES -> "";
            }) + "Jag svarar på frågor utifrån organisationens egna dokument"
                    + (topics.isEmpty() ? "" : " (" + topics + ")")
                    + ". Fråga till exempel vad ett LO-fack gör, vem som är ansvarig för något eller när ett möte hålls."
                    + " Vill du prata med en människa, ring " + helpLine + ".";
            case NO -> (switch (kind) {
                case THANKS -> "Bare hyggelig! ";
                case GREETING -> "Hei! ";
                case CAPABILITIES -> "";
            }) + "Jeg svarer på spørsmål ut fra organisasjonens egne dokumenter"
                    + (topics.isEmpty() ? "" : " (" + topics + ")")
                    + ". Spør for eksempel hva et LO-fack gjør, hvem som har ansvar for noe eller når et møte holdes."
                    + " Vil du snakke med et menneske, ring " + helpLine + ".";
            case EN -> (switch (kind) {
                case THANKS -> "You're welcome! ";
                case GREETING -> "Hello! ";
                case CAPABILITIES -> "";
            }) + "I answer questions from the organisation's own documents"
                    + (topics.isEmpty() ? "" : " (" + topics + ")")
                    + ". Ask, for example, what an LO union does locally, who is responsible for something, or when a meeting is held."
                    + " To talk to a person, call " + helpLine + ".";
        };
    }
}
