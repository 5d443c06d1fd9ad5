package se.fragafacket.config;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Spring's build-time AOT ({@code -Dspring.aot.enabled=true}, README "Starting fast") starts the beans the build
 * chose, for the default mode: files under {@code fraga.data-dir}, no Telegram bot, no embedding model, serving
 * (not {@code --eval} or {@code --fit}). A setting that would choose other beans is refused at once, naming it,
 * instead of starting a service that silently lacks them. Without the flag nothing is checked: the beans are
 * chosen at start as usual.
 */
public class BuildTimeBeans implements EnvironmentPostProcessor, Ordered {

    /**
     * Every setting a condition of ours reads, with whether a value agrees with what the build assumed (null:
     * unset). {@code BuildTimeBeansTests} checks that each property named in a condition is listed here.
     */
    static final Map<String, Predicate<String>> AS_BUILT = Map.of(
            // as @ConditionalOnProperty compares a value: ignoring case (StoreEnvironment refuses any other)
            "fraga.store", value -> value == null || value.strip().equalsIgnoreCase("file"),
            "fraga.telegram.token", value -> !StringUtils.hasText(value),
            // read only where a token is set, which is refused above
            "fraga.telegram.mode", value -> true,
            "fraga.search.embeddings", value -> !"model".equalsIgnoreCase(value),
            "eval", BuildTimeBeans::unset,
            "fit", BuildTimeBeans::unset);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        List<String> differing = differing(environment);
        if (!differing.isEmpty()) {
            throw new IllegalStateException("-Dspring.aot.enabled=true starts the beans chosen when the jar was built, "
                    + "for the default mode (files under fraga.data-dir, no Telegram bot, no embedding model, serving). "
                    + String.join(", ", differing) + " need" + (differing.size() == 1 ? "s" : "")
                    + " other beans: start without -Dspring.aot.enabled=true (and without its AOT cache)");
        }
    }

    /** The settings whose values differ from what the build assumed, as {@code name=value}. */
    static List<String> differing(Environment environment) {
        return AS_BUILT.entrySet().stream()
                .filter(setting -> !setting.getValue().test(environment.getProperty(setting.getKey())))
                .map(setting -> setting.getKey() + (setting.getKey().endsWith("token") ? " (set)"
                        : "=" + environment.getProperty(setting.getKey())))
                .sorted()
                .toList();
    }

    /** Whether a flag is off as {@code @ConditionalOnProperty} without a value reads it: on when set and not "false". */
    static boolean unset(String value) {
        return value == null || "false".equalsIgnoreCase(value.strip());
    }

    /** After the configuration files are read, before {@link se.fragafacket.store.StoreEnvironment}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
