package io.mlgates.core.docs;

/**
 * A documentation file that is missing, too large or malformed. The message names the file and, where there is one,
 * the line; the gate reports it as the failed check rather than stopping without a verdict.
 */
public final class DocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
