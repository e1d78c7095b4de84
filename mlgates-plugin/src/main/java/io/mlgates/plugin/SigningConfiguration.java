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
 * ({@code unclassified: mlGatesSigning: credentialsId: ...}). A save is refused, keeping the previous setting, when
 * the id names no credential, a credential of another kind, or a key that cannot sign.
 */
@Extension
@Symbol("mlGatesSigning")
public final class SigningConfiguration extends GlobalConfiguration {
    static final String CREDENTIALS_FIELD = "credentialsId";

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

    /** The id of the credential holding the signing key; empty to sign nothing. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = GateStep.emptyToNull(credentialsId);
        save();
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
