package se.fragafacket.telegram;

import java.util.List;

/** What the bot says besides answers, in Swedish, as plain text (escaped when sent). */
final class BotTexts {

    /** Document titles listed in the greeting before "… och N till". */
    private static final int MAX_TITLES = 8;

    private BotTexts() {
    }

    static String greeting(List<String> titles, String helpLine) {
        StringBuilder text = new StringBuilder("""
                Hej! Jag är Fråga facket. Jag svarar på frågor om facket utifrån LO:s egna dokument, \
                och under varje svar listar jag vilka dokument svaret bygger på.
                """);
        if (!titles.isEmpty()) {
            text.append("\nJust nu kan jag svara på frågor ur:\n");
            titles.stream().limit(MAX_TITLES).forEach(title -> text.append("• ").append(title).append('\n'));
            if (titles.size() > MAX_TITLES) {
                text.append("… och ").append(titles.size() - MAX_TITLES).append(" dokument till.\n");
            }
        }
        text.append("""

                Skriv din fråga med egna ord, till exempel ”Hur många LO-distrikt finns det?”. \
                Följdfrågor går bra. /ny börjar om, /help visar hur jag fungerar.
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
