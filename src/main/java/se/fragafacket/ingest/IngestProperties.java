package se.fragafacket.ingest;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How documents are read and cut into passages.
 *
 * @param maxChunkChars  a passage is cut at a paragraph or sentence boundary before it grows past this
 * @param maxFileSize    larger files are refused
 * @param maxTextChars   a document whose extracted text runs past this is refused (zip bombs, runaway parses)
 * @param parseTimeout   a parse still running after this is abandoned and the file refused
 * @param debris         whole lines (regular expressions, case-insensitive) that web pages carry but say nothing
 */
@ConfigurationProperties("fraga.ingest")
public record IngestProperties(
        @DefaultValue("900") int maxChunkChars,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("2000000") int maxTextChars,
        @DefaultValue("30s") Duration parseTimeout,
        @DefaultValue({
                "publicerad( \\d.*)?( uppdaterad.*)?",
                "uppdaterad( \\d.*)?",
                "kopiera länk( för delning)?",
                "dela( på .*| sidan| artikeln)?",
                "(foto|bild|photo|fotograf)\\s*:.*",
                "läs mer( här| om .*)?",
                "les mer( her| om .*)?",
                "read more.*",
                "følg oss( på sosiale medier)?",
                "följ oss( på .*)?",
                "till toppen|til toppen|back to top",
                "[-–—•·*_=. ]+"}) List<String> debris) {
}
