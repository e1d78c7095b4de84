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

    @Test
    void aKeySetByConfigurationAsCodeThatCannotSignIsWarnedOfNamingTheIdAndWhy() {
        assertThat(SigningConfiguration.cannotSign("token", id -> SigningConfiguration.keyOf(id, new SecretText())))
                .hasValue("ML Gates attestations: the signing credential 'token' was set without the configuration"
                        + " form's check (by configuration as code) and cannot sign: the credential 'token' is a"
                        + " SecretText; expected an SSH private key (\"SSH Username with private key\") or a secret"
                        + " file holding an Ed25519 key. Every mlValidate, mlEthicsGate and mlPromote step fails"
                        + " before judging until it is fixed in Manage Jenkins, System, ML Gates attestations.");
        assertThat(SigningConfiguration.cannotSign("gone", id -> SigningConfiguration.keyOf(id, null)))
                .hasValueSatisfying(w -> assertThat(w).contains("cannot sign: no credential with the id 'gone'"));
        assertThat(SigningConfiguration.cannotSign("early", id -> {
            throw new IllegalStateException("credentials not loaded");
        })).hasValueSatisfying(w -> assertThat(w).contains("cannot sign: it could not be looked up now"
                + " (IllegalStateException)"));
    }

    @Test
    void aKeySetByConfigurationAsCodeThatSignsIsNotWarnedOf() throws Exception {
        String key = Files.readString(TestKeys.KEYS.resolve("signing-openssh"));

        assertThat(SigningConfiguration.cannotSign("mlgates-signing",
                id -> SigningConfiguration.keyOf(id, new SshKey(List.of(key))))).isEmpty();
    }
}
