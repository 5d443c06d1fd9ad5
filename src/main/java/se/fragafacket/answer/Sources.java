package se.fragafacket.answer;

import se.fragafacket.search.Passage;

/** How a passage is quoted as a source. */
final class Sources {

    private static final int MAX_SNIPPET = 700;

    private Sources() {
    }

    static Source of(Passage passage) {
        return new Source(passage.documentId(), passage.title(), snippet(passage));
    }

    /** The passage with where it stands, cut at a word when long. */
    static String snippet(Passage passage) {
        String text = passage.headingPath() + "\n" + passage.text();
        if (text.length() <= MAX_SNIPPET) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_SNIPPET);
        return text.substring(0, cut > 0 ? cut : MAX_SNIPPET) + " …";
    }
}
