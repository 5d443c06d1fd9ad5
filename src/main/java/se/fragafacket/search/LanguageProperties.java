package se.fragafacket.search;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language resources read at start and the layers of question understanding that use them.
 *
 * @param hunspellDir where the Hunspell dictionaries are installed (Debian: hunspell-sv, hunspell-no); a
 *                    missing folder or file is logged and the layers that need it work without it
 * @param spelling    words the knowledge base does not hold are put right against its own vocabulary:
 *                    missing å/ä/ö restored, typos corrected
 * @param dictdDir    where FreeDict's English–Swedish dictionaries are installed (Debian dict-freedict-eng-swe,
 *                    dict-freedict-swe-eng); missing files are logged
 * @param bilingual   English questions also search the bilingual dictionaries' Swedish words
 */
@ConfigurationProperties("fraga.language")
public record LanguageProperties(
        @DefaultValue("/usr/share/hunspell") Path hunspellDir,
        @DefaultValue("true") boolean spelling,
        @DefaultValue("/usr/share/dictd") Path dictdDir,
        @DefaultValue("true") boolean bilingual) {
}
