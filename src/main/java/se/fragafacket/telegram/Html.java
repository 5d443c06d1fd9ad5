package se.fragafacket.telegram;

/** Escaping for Telegram's HTML parse mode, which knows only these three entities' worth of special characters. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** For an attribute value in double quotes (a link's href). */
    static String attribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }
}
