package se.fragafacket.curation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Staff curation.
 *
 * @param maxUploadSize  larger uploads are refused with 413 before they are read
 * @param versionsKept   replaced and deleted versions kept per document; the oldest go first
 * @param insightsKept   unanswered and unhelpful-marked questions kept; the oldest go first
 * @param auditShown     audit entries the staff page and {@code GET /api/admin/audit} show (the file keeps all)
 * @param parallelUploads uploads read at the same time; one more is refused at once with 429 and {@code Retry-After}
 */
@Validated
@ConfigurationProperties("fraga.curation")
public record CurationProperties(
        @DefaultValue("20MB") @NotNull DataSize maxUploadSize,
        @DefaultValue("20") @Min(1) int versionsKept,
        @DefaultValue("5000") @Min(1) int insightsKept,
        @DefaultValue("200") @Min(1) int auditShown,
        @DefaultValue("2") @Min(1) int parallelUploads) {
}
