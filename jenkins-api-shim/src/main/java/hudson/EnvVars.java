package hudson;

import java.util.TreeMap;

/** Shim of jenkins-core's {@code hudson.EnvVars}: a step's environment variables, by name. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    private EnvVars() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
