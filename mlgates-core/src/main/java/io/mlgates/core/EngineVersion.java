package io.mlgates.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, as the build stamped it; recorded in every result. */
public final class EngineVersion {
    private EngineVersion() {
    }

    public static String current() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
