package io.mlgates.core.registry;

/**
 * The registry holds what mlgates never writes: a NULL, unparsable, out-of-range or retyped field, a row the audit
 * log does not bear out. Someone with the file (or the server's write access) changed it; the command-line tool
 * exits 1 and names the entry or row and the field, and nothing is decided on it.
 */
public final class RegistryTamperedException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public RegistryTamperedException(String message) {
        super(message);
    }
}
