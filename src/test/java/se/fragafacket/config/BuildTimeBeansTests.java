package se.fragafacket.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.mock.env.MockEnvironment;

/** What {@code -Dspring.aot.enabled=true} refuses: settings that would choose other beans than the build did. */
class BuildTimeBeansTests {

    @Test
    void theDefaultModeAgreesWithTheBuild() {
        assertThat(BuildTimeBeans.differing(new MockEnvironment())).isEmpty();
        assertThat(BuildTimeBeans.differing(new MockEnvironment()
                .withProperty("fraga.store", "file")
                .withProperty("fraga.telegram.token", " ")
                .withProperty("fraga.search.embeddings", "none")
                .withProperty("eval", "false")
                .withProperty("fraga.llm.provider", "openai"))).isEmpty();
    }

    @Test
    void settingsThatChooseOtherBeansAreNamedAndTheTokenIsNotShown() {
        assertThat(BuildTimeBeans.differing(new MockEnvironment()
                .withProperty("fraga.store", "postgres")
                .withProperty("fraga.telegram.token", "123:secret")
                .withProperty("eval", "src/test/resources/eval/dev.jsonl")))
                .containsExactly("eval=src/test/resources/eval/dev.jsonl", "fraga.store=postgres", "fraga.telegram.token (set)");
        assertThat(BuildTimeBeans.differing(new MockEnvironment().withProperty("fit", ""))).containsExactly("fit=");
        assertThat(BuildTimeBeans.differing(new MockEnvironment().withProperty("fraga.search.embeddings", "Model")))
                .containsExactly("fraga.search.embeddings=Model");
    }

    /** A new condition on a setting must be listed, or the AOT start would silently lack its beans. */
    @Test
    void everySettingAConditionOfOursReadsIsListed() throws Exception {
        Set<String> read = new TreeSet<>();
        var readers = new CachingMetadataReaderFactory();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:se/fragafacket/**/*.class")) {
            MetadataReader reader = readers.getMetadataReader(resource);
            read.addAll(propertiesRead(reader.getAnnotationMetadata()));
            reader.getAnnotationMetadata().getDeclaredMethods().forEach(method -> read.addAll(propertiesRead(method)));
        }
        assertThat(read).contains("fraga.store", "fraga.telegram.mode", "eval", "fit");
        assertThat(BuildTimeBeans.AS_BUILT.keySet()).containsAll(read);
    }

    private static Set<String> propertiesRead(AnnotatedTypeMetadata metadata) {
        Set<String> names = new TreeSet<>();
        metadata.getAnnotations().stream(ConditionalOnProperty.class).forEach(condition -> {
            String prefix = condition.getString("prefix");
            String[] given = condition.getStringArray("name").length > 0 ? condition.getStringArray("name")
                    : condition.getStringArray("value");
            Arrays.stream(given).forEach(name -> names.add(prefix.isEmpty() ? name : prefix + "." + name));
        });
        metadata.getAnnotations().stream(Conditional.class).forEach(condition -> {
            for (Class<?> type : condition.getClassArray("value")) {
                if (type.getPackageName().startsWith("se.fragafacket")) {
                    // our own conditions: the Telegram token is the only one
                    names.add("fraga.telegram.token");
                }
            }
        });
        return names;
    }
}
