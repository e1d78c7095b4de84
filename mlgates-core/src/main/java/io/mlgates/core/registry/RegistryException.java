package io.mlgates.core.registry;

import java.io.IOException;

/**
 * The registry cannot be read or written: a file that is not a registry, a schema newer than this engine, a server
 * that answers with an error, a lock held too long. No rule was judged; the command-line tool exits 2.
 */
public class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
