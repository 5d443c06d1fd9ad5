package se.fragafacket.ingest;

import java.util.List;

import se.fragafacket.search.Language;

/**
 * A document as read: its title, language and structure.
 *
 * @param mediaType the type its content was detected as
 */
record ParsedDocument(String title, Language language, String mediaType, List<Block> blocks) {
}
