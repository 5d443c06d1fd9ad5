package se.fragafacket;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings records as Spring would bind them, for tests that build the parts by hand. */
public final class Settings {

    private Settings() {
    }

    /** The record bound from {@code values} (keys without the prefix), its defaults elsewhere. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        var source = new MapConfigurationPropertySource();
        values.forEach((key, value) -> source.put(prefix + "." + key, value));
        return new Binder(source).bindOrCreate(prefix, type);
    }

    public static <T> T defaults(String prefix, Class<T> type) {
        return bind(prefix, type, Map.of());
    }
}
