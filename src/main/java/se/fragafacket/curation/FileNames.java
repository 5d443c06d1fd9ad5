package se.fragafacket.curation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for an uploaded file's name: it becomes a file in the knowledge folder and its documentId part of
 * URLs, so it must be a plain name — no folders, no way out of the folder, nothing invisible.
 */
final class FileNames {

    static final int MAX_CHARS = 200;
    /** Characters that are path separators, reserved on common file systems, or mangled in URLs. */
    private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\:*?\"<>|%;#]");
    /** Control and formatting characters (including right-to-left overrides that disguise an extension). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private FileNames() {
    }

    /** Why the name cannot be used, in plain Swedish (with English), or empty when it can. */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Filen saknar namn. (The file has no name.)");
        }
        if (name.length() > MAX_CHARS) {
            return Optional.of("Filnamnet är längre än " + MAX_CHARS + " tecken. (The file name is too long.)");
        }
        if (INVISIBLE.matcher(name).find()) {
            return Optional.of("Filnamnet innehåller osynliga tecken eller styrtecken. (The file name holds control characters.)");
        }
        if (name.contains("..") || FORBIDDEN.matcher(name).find()) {
            return Optional.of("Filnamnet får inte innehålla mappar, '..' eller något av / \\ : * ? \" < > | % ; #. "
                    + "(The file name must be a plain name without path separators or '..'.)");
        }
        if (name.startsWith(".") || name.startsWith("~$") || !name.strip().equals(name) || name.startsWith("-")) {
            return Optional.of("Filnamnet får inte börja med punkt, ~$, bindestreck eller mellanslag. (The file name must start with a letter or digit.)");
        }
        if (name.endsWith(".")) {
            return Optional.of("Filnamnet får inte sluta med punkt. (The file name must not end with a dot.)");
        }
        return Optional.empty();
    }

    /** The name a replacement gets: the document's id with the new file's extension. */
    static String replacing(String documentId, String uploadedName) {
        int dot = uploadedName.lastIndexOf('.');
        return dot > 0 ? documentId + uploadedName.substring(dot) : documentId;
    }
}
