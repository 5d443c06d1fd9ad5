package se.fragafacket.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LanguageTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hur många LO-distrikt finns det idag?|SV",
            "Kvarnbyträffen hålls i Umeå.|SV",
            "Möte i kommunen i mars|SV",
            "Hva er LOs lokalorganisasjoner?|NO",
            "Hvem er kasserer i LO-distriktet?|NO",
            "Vi må følge opp og forsvare gode reglement|NO",
            "When is May Day in the 2024 plan?|EN",
            "Who is responsible for school information?|EN",
            "12345|SV",
            // Snowball's stop words only Norwegian has ("vil"); a Swedish name's ö does not make it Swedish
            "Hvilket råd hos Arbetsförmedlingen vil LO-distriktet i Midt-Sverige ha innflytelse i?|NO",
            "Hva gjør de for medlemmer i Östergötland?|NO",
            // ... nor an Ø a Norwegian one's
            "Vad gör LO i Østfold?|SV",
            // Snowball's stop words only Swedish has ("dig", "ju")
            "Kan dig ju|SV",
            // a hyphenated word is one: the "a" of "a-kassan" is no English article
            "Ingår a-kassan i medlemsavgiften?|SV"})
    void tellsTheLanguageOfShortTexts(String text, Language expected) {
        assertThat(Language.detect(text)).isEqualTo(expected);
    }

    @Test
    void aWordOnlyOneDictionaryKnowsTellsWhereFunctionWordsDoNot() {
        String text = "Har LO-kontoret i Skåne åpent på fredager?"; // "har", "i", "på": both languages' words
        Map<String, Set<Language>> known = Map.of("åpent", Set.of(Language.NO), "fredager", Set.of(Language.NO),
                "kontoret", Set.of(Language.SV, Language.NO));
        Language.Vocabulary vocabulary = (word, language) -> known.getOrDefault(word, Set.of()).contains(language);

        assertThat(Language.detect(text)).isEqualTo(Language.SV);
        assertThat(Language.detect(text, vocabulary)).isEqualTo(Language.NO);
        // a name's spelling is its owners': only words written in lower case are looked up
        assertThat(Language.detect("Har Fredager åpent?", (word, language) -> word.equals("fredager")
                && language == Language.NO)).isEqualTo(Language.SV);
    }

    @Test
    void theInstalledDictionariesTellNorwegianFromSwedish() {
        Path hunspell = Path.of("/usr/share/hunspell");
        assumeTrue(Files.isReadable(hunspell.resolve("sv_SE.dic")) && Files.isReadable(hunspell.resolve("nb_NO.dic")),
                "hunspell-sv and hunspell-no are not installed (.ci/run installs them)");
        Lexicon lexicon = Lexicon.load(hunspell);
        Language.Vocabulary vocabulary = (word, language) -> language != Language.EN && lexicon.isWord(word, language);

        assertThat(Language.detect("Har LO-kontoret i Skåne åpent på fredager?", vocabulary)).isEqualTo(Language.NO);
        assertThat(Language.detect("Har LO-kontoret i Skåne öppet på fredagar?", vocabulary)).isEqualTo(Language.SV);
    }

    /** Words and diacritics are read without patterns exactly as the patterns and folding read them. */
    @Test
    void wordsAndDiacriticsAreReadAsByThePatternAndFolding() throws java.io.IOException {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("a-kassan", "-x", "x-", "x--y",
                "Ö-vik", "e-post 2024", "ÅÄÖ", "Ærlig", "ÉN", "İstanbul", "naïve", "𝔄𝔅 ord", "", "12-13", "a - b", "ÿ"));
        for (String folder : java.util.List.of("knowledge", "src/test/resources/eval/kb")) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    texts.add(Files.readString(file));
                    texts.addAll(Files.readAllLines(file));
                }
            }
        }
        var words = java.util.regex.Pattern.compile("\\p{L}+(?:-\\p{L}+)*"); // as detect read words
        for (String text : texts) {
            java.util.List<String> expected = new java.util.ArrayList<>();
            var word = words.matcher(text);
            while (word.find()) {
                expected.add(word.group());
            }
            assertThat(Language.words(text)).as(text).isEqualTo(expected);
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            assertThat(Language.foldable(text)).as(text).isEqualTo(!lower.equals(Spelling.fold(lower)));
        }
    }
}
