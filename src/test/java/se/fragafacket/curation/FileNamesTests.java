package se.fragafacket.curation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

    @ParameterizedTest
    @ValueSource(strings = {"verksamhetsplan-2026.pdf", "Årsmöte 2026 (utkast).docx", "lo_mellansverige.odt", "README",
            "stadgar.v2.md"})
    void acceptsPlainNames(String name) {
        assertThat(FileNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../plan.pdf", "..", "a/plan.pdf", "a\\plan.pdf", "/etc/passwd", "C:plan.pdf",
            "plan\u0000.pdf", "plan\n.pdf", "plan\u0007.pdf", "plan\u202Efdp.exe", ".htaccess", "~$plan.docx",
            " plan.pdf", "plan.pdf ", "plan.", "plan%2f.pdf", "plan;.pdf", "plan?.pdf", "", " "})
    void refusesPathsControlCharactersAndHiddenNames(String name) {
        assertThat(FileNames.problem(name)).isPresent();
    }

    @Test
    void refusesOverlongNames() {
        assertThat(FileNames.problem("a".repeat(FileNames.MAX_CHARS) + ".pdf")).isPresent();
    }

    @Test
    void replacementTakesTheDocumentsIdAndItsOwnExtension() {
        assertThat(FileNames.replacing("verksamhetsplan", "Ny plan 2026.pdf")).isEqualTo("verksamhetsplan.pdf");
        assertThat(FileNames.replacing("verksamhetsplan", "utan-filändelse")).isEqualTo("verksamhetsplan");
    }
}
