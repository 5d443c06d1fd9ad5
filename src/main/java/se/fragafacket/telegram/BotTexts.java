package se.fragafacket.telegram;

import java.util.List;

/** What the bot says besides answers, in Swedish, as plain text (escaped when sent). */
final class BotTexts {

    /**
     * Questions members ask that the documents answer, in their own words: they show what the bot knows about
     * better than document titles do (the same as the web chat's examples).
     */
    static final List<String> EXAMPLES = List.of(
            "Vad innebär uppdraget som ledamot i ett LO-fack?",
            "Hur många LO-distrikt finns det idag?",
            "När hålls höstmötet i LO-distriktet i Västsverige?",
            "Vem är ansvarig för skola och ungdom i LO-distriktet i Mellansverige?");

    private BotTexts() {
    }

    /** Titles listed in the greeting at most; more are counted. */
    static final int TITLES_LISTED = 10;

    static String greeting(List<String> examples, int documents, String helpLine) {
        return greeting(examples, documents, List.of(), helpLine);
    }

    /** @param titles the documents' titles as members see them, naming whom each speaks for */
    static String greeting(List<String> examples, int documents, List<String> titles, String helpLine) {
        StringBuilder text = new StringBuilder("""
                Hej! Jag är Fråga facket. Jag svarar på frågor om facket ur förbundets egna dokument""");
        text.append(documents > 0 ? " (" + documents + " just nu)" : "").append(", och under varje svar ser du varifrån det kommer.\n");
        if (!titles.isEmpty()) {
            text.append("\nDokumenten:\n");
            titles.stream().limit(TITLES_LISTED).forEach(title -> text.append("• ").append(title).append('\n'));
            if (titles.size() > TITLES_LISTED) {
                text.append("… och ").append(titles.size() - TITLES_LISTED).append(" till\n");
            }
        }
        if (!examples.isEmpty()) {
            text.append("\nDu kan till exempel fråga:\n");
            examples.forEach(example -> text.append("• ").append(example).append('\n'));
        }
        text.append("""

                Skriv din fråga med egna ord. Följdfrågor går bra. /ny börjar om, /help visar hur jag fungerar.
                Hittar jag inget svar hänvisar jag dig till Fråga facket på\s""").append(helpLine).append('.');
        return text.toString();
    }

    static String help(String username, String helpLine) {
        return """
                Så här fungerar jag:
                • Skriv en fråga i text, så svarar jag utifrån LO:s dokument och listar källorna under svaret.
                • Följdfrågor förstår jag i samma samtal, till exempel ”Vem är ansvarig för det?”.
                • /ny börjar ett nytt samtal, /start visar vad jag kan svara på.
                • I en grupp svarar jag när någon nämner mig (%s) eller svarar på ett av mina meddelanden.
                • Jag förstår bara skrivna frågor, inte bilder, röstmeddelanden eller filer.
                Vill du hellre prata med en människa? Ring Fråga facket på %s."""
                .formatted(username == null ? "med @-namn" : "@" + username, helpLine);
    }

    static String unknownCommand(String username, String helpLine) {
        return "Det kommandot känner jag inte till.\n\n" + help(username, helpLine);
    }

    static String newConversation() {
        return "Nu börjar vi om från början. Vad vill du fråga?";
    }

    static String onlyText() {
        return "Tyvärr förstår jag bara skrivna frågor, inte bilder, klistermärken, röstmeddelanden eller filer. "
                + "Skriv din fråga i text, så svarar jag så gott jag kan.";
    }

    static String emptyQuestion() {
        return "Vad vill du fråga? Skriv din fråga efter mitt namn.";
    }

    static String slowDown() {
        return "Oj, det blev många frågor på kort tid! Vänta en liten stund och fråga sedan igen.";
    }

    static String failed(String helpLine) {
        return "Något gick fel hos oss när jag skulle svara. Försök igen om en stund, eller ring Fråga facket på "
                + helpLine + ".";
    }
}
