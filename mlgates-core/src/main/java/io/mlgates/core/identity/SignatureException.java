package io.mlgates.core.identity;

/**
 * A signature that does not verify the claim made with it: malformed, made for another namespace or message, or by
 * a key that the allowed signers do not accept for the principal at that time. The message says which, naming the
 * allowed-signers line where one is concerned.
 */
public final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
