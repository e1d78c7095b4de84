package io.mlgates.plugin;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The plugin's own strings, from {@code Messages.properties} beside this class (and {@code Messages_<lang>.properties}
 * where translated), as Jenkins plugins keep them. A plain {@link ResourceBundle} rather than the class Jenkins'
 * localizer generates, whose runtime is no API the plugin may link against.
 */
final class Messages {
    private static final String BUNDLE = "io.mlgates.plugin.Messages";

    private Messages() {
    }

    /** The text of {@code key}, its {@code {0}}… replaced by {@code args}, in the JVM's default locale. */
    static String get(String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault(), Messages.class.getClassLoader())
                .getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }
}
