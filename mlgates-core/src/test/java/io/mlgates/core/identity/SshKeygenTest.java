package io.mlgates.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing through ssh-keygen: when it is missing, and when it fails, the error says so with its own words. */
class SshKeygenTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("without ssh-keygen, signing fails saying what to install")
    void missing() {
        assertThatThrownBy(() -> SshKeygen.sign(Optional.empty(), tmp.resolve("key"), "mlgates", new byte[0]))
                .isInstanceOf(IOException.class).hasMessage("cannot sign: ssh-keygen is not on the PATH; install "
                        + "OpenSSH's client (Debian and Ubuntu: apt-get install openssh-client)");
    }

    @Test
    @DisplayName("a failing ssh-keygen's exit code and error output are in the message, bounded")
    void fails() throws Exception {
        // A stand-in that fails as ssh-keygen does, with far too much to say.
        Path fake = tmp.resolve("ssh-keygen");
        Files.writeString(fake, "#!/bin/sh\nprintf 'Load key \"%s\": invalid format\\n' \"$6\" >&2\n"
                + "head -c 100000 /dev/zero | tr '\\000' x >&2\nexit 255\n", StandardCharsets.US_ASCII);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Path key = tmp.resolve("no-such-key");

        assertThatThrownBy(() -> SshKeygen.sign(Optional.of(fake), key, "mlgates", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("ssh-keygen -Y sign -n mlgates -f " + key + " failed (exit 255): Load key \""
                        + key + "\": invalid format / xxx")
                .hasMessageEndingWith("x... ...")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700));
    }

    @Test
    @DisplayName("the real ssh-keygen refusing a missing key: its complaint is passed on")
    void realSshKeygenFails() throws Exception {
        OpenSsh.assumePresent(OpenSsh.findOrFailOnCi());
        Path key = tmp.resolve("no-such-key");

        assertThatThrownBy(() -> SshKeygen.sign(key, "mlgates", new byte[] {1})).isInstanceOf(IOException.class)
                .hasMessageStartingWith("ssh-keygen -Y sign -n mlgates -f " + key + " failed (exit 255): ")
                .hasMessageContaining("no-such-key");
    }
}
