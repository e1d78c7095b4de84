package io.mlgates.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.mlgates.plugin.logic.attest.KeyCredential;
import io.mlgates.plugin.logic.attest.Signer;
import io.mlgates.plugin.logic.attest.SigningKeys;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The key the controller signs attestations with, in Manage Jenkins → System: the id of a credential of Jenkins'
 * global credentials, an "SSH Username with private key" (OpenSSH) or a secret file (OpenSSH or PKCS#8 PEM), holding
 * an Ed25519 key. Empty: nothing is signed. The key is looked up as the system, on the controller, each time a step
 * signs; it never reaches an agent or a build. Configuration as code sets it through the setter
 * ({@code unclassified: mlGatesSigning: credentialsId: ...}). A save of the form is refused, keeping the previous
 * setting, when the id names no credential, a credential of another kind, or a key that cannot sign; the setter logs
 * a warning in those cases instead.
 */
@Extension
@Symbol("mlGatesSigning")
public final class SigningConfiguration extends GlobalConfiguration {
    static final String CREDENTIALS_FIELD = "credentialsId";
    private static final Logger LOGGER = Logger.getLogger(SigningConfiguration.class.getName());

    private String credentialsId;

    public SigningConfiguration() {
        load();
    }

    /** The instance Jenkins created. */
    static SigningConfiguration get() {
        return ExtensionList.lookupSingleton(SigningConfiguration.class);
    }

    /** The key as now set, looked up anew at each use. Call on the controller only. */
    SigningKeys keys() {
        String id = credentialsId;
        return () -> id == null ? Optional.empty() : Optional.of(lookUp(id));
    }

    /** The credential {@code id} of Jenkins' global credentials, looked up as the system, as a signing key. */
    static KeyCredential lookUp(String id) throws UnusableKey, IOException {
        return keyOf(id, CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                StandardCredentials.class, null, null), CredentialsMatchers.withId(id)));
    }

    /** The signing key of the credential found with this id (null: none was), by the credential's kind. */
    static KeyCredential keyOf(String id, StandardCredentials found) throws UnusableKey, IOException {
        if (found == null) {
            throw UnusableKey.missing(id);
        }
        if (found instanceof SSHUserPrivateKey key) {
            Secret passphrase = key.getPassphrase();
            return KeyCredential.ofSshKey(id, key.getPrivateKeys(),
                    passphrase != null && !Secret.toString(passphrase).isEmpty());
        }
        if (found instanceof FileCredentials file) {
            try (InputStream in = file.getContent()) {
                return KeyCredential.ofFile(id, in);
            }
        }
        throw UnusableKey.wrongKind(id, found.getClass().getSimpleName());
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * The id of the credential holding the signing key; empty to sign nothing. Configuration as code sets it here,
     * past {@link #configure}'s check: the setting is kept (refusing it would stop the whole configuration's load),
     * and a key that cannot sign is logged as a warning at once rather than first told by a failing gate step.
     */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = GateStep.emptyToNull(credentialsId);
        save();
        if (this.credentialsId != null) {
            cannotSign(this.credentialsId, SigningConfiguration::lookUp).ifPresent(LOGGER::warning);
        }
    }

    /** How a credential id is looked up as a signing key. */
    @FunctionalInterface
    interface KeyLookUp {
        KeyCredential find(String id) throws UnusableKey, IOException;
    }

    /** The warning for a credential set without the form's check whose key cannot sign; empty when it can. */
    static Optional<String> cannotSign(String id, KeyLookUp lookUp) {
        String problem;
        try {
            Signer.of(lookUp.find(id));
            return Optional.empty();
        } catch (UnusableKey | IOException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            // the credentials may not be loaded yet: say so, the first step checks again
            problem = "it could not be looked up now (" + e.getClass().getSimpleName() + ")";
        }
        return Optional.of("ML Gates attestations: the signing credential '" + id + "' was set without the"
                + " configuration form's check (by configuration as code) and cannot sign: " + problem + ". Every"
                + " mlValidate, mlEthicsGate and mlPromote step fails before judging until it is fixed in Manage"
                + " Jenkins, System, ML Gates attestations.");
    }

    /** Saves the form's setting only when its key can sign; else Jenkins shows the problem at the field. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String id = GateStep.emptyToNull(json.optString(CREDENTIALS_FIELD, null));
        if (id != null) {
            id = id.strip();
            try {
                Signer.of(lookUp(id));
            } catch (UnusableKey | IOException e) {
                throw new FormException(e.getMessage(), CREDENTIALS_FIELD);
            }
        }
        credentialsId = id;
        save();
        return true;
    }

    @Override
    public String getDisplayName() {
        return Messages.get("SigningConfiguration.displayName");
    }
}
