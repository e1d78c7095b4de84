package io.mlgates.plugin.logic.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing key as a credential hands it over: what is refused before the core reads it, and that it never shows. */
class KeyCredentialTest {
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    @Test
    void anSshKeyCredentialHandsOverItsOneKey() throws Exception {
        KeyCredential key = KeyCredential.ofSshKey("mlgates-signing", List.of(KEY), false);

        assertThat(key.id()).isEqualTo("mlgates-signing");
        assertThat(key.text()).isEqualTo(KEY);
        assertThat(key.describe()).isEqualTo("the credential 'mlgates-signing' (an SSH private key)");
    }

    @Test
    void anEncryptedSshKeyIsRefusedNamingTheCredential() {
        assertThatThrownBy(() -> KeyCredential.ofSshKey("ci-key", List.of(KEY), true))
                .isInstanceOf(UnusableKey.class)
                .hasMessage("the SSH private key credential 'ci-key' has a passphrase; expected an unencrypted Ed25519"
                        + " key (keep it in a credential of scope System, which no job can read)");
    }

    @Test
    void anSshCredentialWithoutExactlyOneKeyIsRefused() {
        assertThatThrownBy(() -> KeyCredential.ofSshKey("k", List.of(), false)).isInstanceOf(UnusableKey.class)
                .hasMessageContaining("holds 0 keys; expected exactly one Ed25519 key");
        assertThatThrownBy(() -> KeyCredential.ofSshKey("k", List.of(KEY, KEY), false))
                .hasMessageContaining("holds 2 keys");
        assertThatThrownBy(() -> KeyCredential.ofSshKey("k", List.of("  \n"), false))
                .hasMessageContaining("holds 1 keys; expected exactly one Ed25519 key");
    }

    @Test
    void aSecretFileIsReadAsText() throws Exception {
        KeyCredential key = KeyCredential.ofFile("pem", new ByteArrayInputStream(KEY.getBytes(StandardCharsets.UTF_8)));

        assertThat(key.text()).isEqualTo(KEY);
        assertThat(key.describe()).isEqualTo("the credential 'pem' (a secret file)");
    }

    @Test
    void aSecretFileLargerThanAKeyOrNotTextIsRefusedWithoutShowingIt() {
        byte[] big = new byte[KeyCredential.MAX_BYTES + 1];
        assertThatThrownBy(() -> KeyCredential.ofFile("big", new ByteArrayInputStream(big)))
                .isInstanceOf(UnusableKey.class).hasMessage("the secret file credential 'big' is larger than 65536"
                        + " bytes; expected an Ed25519 key file (OpenSSH or PKCS#8 PEM)");
        byte[] binary = {(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> KeyCredential.ofFile("der", new ByteArrayInputStream(binary)))
                .isInstanceOf(UnusableKey.class).hasMessage("the secret file credential 'der' is not text; expected an"
                        + " Ed25519 key file (OpenSSH or PKCS#8 PEM)");
    }

    @Test
    void itsTextNamesTheCredentialNeverTheKey() throws Exception {
        KeyCredential key = KeyCredential.ofSshKey("mlgates-signing", List.of(KEY), false);

        assertThat(key.toString()).isEqualTo("the credential 'mlgates-signing' (an SSH private key)")
                .doesNotContain("OPENSSH", "b3Bl");
    }
}
