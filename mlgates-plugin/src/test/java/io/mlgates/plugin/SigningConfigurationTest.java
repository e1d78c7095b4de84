package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import hudson.util.Secret;
import io.mlgates.plugin.logic.attest.KeyCredential;
import io.mlgates.plugin.logic.attest.TestKeys;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * The signing key's credential, by kind: an SSH private key or a secret file hands over its key; none, or any other
 * kind, is refused with a message that names the id and what was expected, never the credential's content.
 */
class SigningConfigurationTest {
    /** An "SSH Username with private key" credential, unencrypted. */
    record SshKey(List<String> keys) implements SSHUserPrivateKey {
        @Override
        public Secret getPassphrase() {
            return null;
        }

        @Override
        public List<String> getPrivateKeys() {
            return keys;
        }
    }

    /** A secret file credential. */
    record SecretFile(byte[] bytes) implements FileCredentials {
        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** A secret text credential: a kind that holds no key. */
    static final class SecretText implements StringCredentials {
        @Override
        public Secret getSecret() {
            return null;
        }
    }

    @Test
    void anSshPrivateKeyCredentialHandsOverItsKey() throws Exception {
        String key = Files.readString(TestKeys.KEYS.resolve("signing-openssh"));

        KeyCredential found = SigningConfiguration.keyOf("mlgates-signing", new SshKey(List.of(key)));

        assertThat(found.describe()).isEqualTo("the credential 'mlgates-signing' (an SSH private key)");
    }

    @Test
    void aSecretFileCredentialHandsOverItsKey() throws Exception {
        byte[] pem = Files.readAllBytes(TestKeys.KEYS.resolve("signing-pkcs8.pem"));

        KeyCredential found = SigningConfiguration.keyOf("pem-key", new SecretFile(pem));

        assertThat(found.describe()).isEqualTo("the credential 'pem-key' (a secret file)");
    }

    @Test
    void noCredentialWithTheIdIsRefusedNamingTheId() {
        assertThatThrownBy(() -> SigningConfiguration.keyOf("gone", null)).isInstanceOf(UnusableKey.class)
                .hasMessage("no credential with the id 'gone' in Jenkins' global credentials; expected an SSH private"
                        + " key (\"SSH Username with private key\") or a secret file holding an Ed25519 key");
    }

    @Test
    void aCredentialOfAnotherKindIsRefusedNamingItsKind() {
        assertThatThrownBy(() -> SigningConfiguration.keyOf("token", new SecretText())).isInstanceOf(UnusableKey.class)
                .hasMessage("the credential 'token' is a SecretText; expected an SSH private key (\"SSH Username with"
                        + " private key\") or a secret file holding an Ed25519 key");
    }

    @Test
    void aSecretFileThatIsNoKeyIsRefusedWithoutItsContent() {
        byte[] binary = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        assertThatThrownBy(() -> SigningConfiguration.keyOf("photo", new SecretFile(binary)))
                .isInstanceOf(UnusableKey.class).hasMessage("the secret file credential 'photo' is not text;"
                        + " expected an Ed25519 key file (OpenSSH or PKCS#8 PEM)");
    }
}
