package io.mlgates.plugin.logic.attest;

import java.io.IOException;
import java.util.Optional;

/** Where a step finds the key it signs with: the credential Manage Jenkins names, looked up on the controller. */
@FunctionalInterface
public interface SigningKeys {
    /** No key set: results and promotions are kept unsigned, and nothing claims otherwise. */
    SigningKeys NONE = Optional::empty;

    /**
     * The key now set, read anew at each call (the credential may have been replaced meanwhile); empty when none is.
     *
     * @throws UnusableKey when a credential is named but cannot sign
     */
    Optional<KeyCredential> current() throws UnusableKey, IOException;
}
