package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Ed25519 keys made by ssh-keygen for a test, without a passphrase. */
final class SshKeys {
    private SshKeys() {
    }

    /** A new key {@code dir/name} (its public key {@code dir/name.pub}), commented with {@code name}. */
    static Path keygen(Path dir, String name) throws Exception {
        Path key = dir.resolve(name);
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                key.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return key;
    }
}
