package io.mlgates.plugin.logic.attest;

/**
 * Why the signing key that Manage Jenkins names cannot sign: no such credential, a credential of another kind, an
 * encrypted key, a key that does not parse. The message names the credential by its id, never its content.
 */
public final class UnusableKey extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableKey(String message) {
        super(message);
    }

    /** No credential of Jenkins' global credentials has this id. */
    public static UnusableKey missing(String id) {
        return new UnusableKey("no credential with the id '" + id + "' in Jenkins' global credentials; expected an"
                + " SSH private key (\"SSH Username with private key\") or a secret file holding an Ed25519 key");
    }

    /** The credential with this id is of another kind, named by {@code kind}. */
    public static UnusableKey wrongKind(String id, String kind) {
        return new UnusableKey("the credential '" + id + "' is a " + kind + "; expected an SSH private key (\"SSH"
                + " Username with private key\") or a secret file holding an Ed25519 key");
    }
}
