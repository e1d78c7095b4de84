package io.mlgates.core.identity;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signs with OpenSSH's {@code ssh-keygen -Y sign}, as {@code git} signs commits: the private key never passes through
 * this process, and a passphrase or an agent is handled by ssh-keygen itself. Only signing needs ssh-keygen;
 * {@link SshSignatures} verifies without it.
 */
public final class SshKeygen {
    /** Enough of ssh-keygen's complaint to say what went wrong, not enough to flood a log. */
    private static final int MAX_STDERR_BYTES = 2048;
    private static final int MAX_STDERR_SHOWN = 500;

    private SshKeygen() {
    }

    /** The {@code ssh-keygen} executable on the PATH, if there is one. */
    public static Optional<Path> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "ssh-keygen");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Signs {@code message} with {@code privateKey} in {@code namespace} by running
     * {@code ssh-keygen -Y sign -n NAMESPACE -f KEY} with the message on its standard input.
     *
     * @return the armored signature, {@code -----BEGIN SSH SIGNATURE-----} to {@code -----END SSH SIGNATURE-----}
     * @throws IOException when ssh-keygen is missing or fails; the message carries the start of its error output
     */
    public static String sign(Path privateKey, String namespace, byte[] message) throws IOException {
        return sign(executable(), privateKey, namespace, message);
    }

    /** {@link #sign(Path, String, byte[])} with the ssh-keygen to run, or none. */
    static String sign(Optional<Path> keygenExecutable, Path privateKey, String namespace, byte[] message)
            throws IOException {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(message, "message");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty (PROTOCOL.sshsig)");
        }
        Path keygen = keygenExecutable.orElseThrow(() -> new IOException("cannot sign: ssh-keygen is not on the PATH; "
                + "install OpenSSH's client (Debian and Ubuntu: apt-get install openssh-client)"));
        Path work = Files.createTempDirectory("mlgates-sign");
        try {
            Path input = Files.write(work.resolve("message"), message);
            Path output = work.resolve("signature");
            Path errors = work.resolve("stderr");
            Process process = new ProcessBuilder(keygen.toString(), "-Y", "sign", "-n", namespace, "-f",
                    privateKey.toString()).redirectInput(input.toFile()).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while ssh-keygen was signing", e);
            }
            if (exit != 0) {
                throw new IOException("ssh-keygen -Y sign -n " + namespace + " -f " + privateKey + " failed (exit "
                        + exit + "): " + head(errors));
            }
            String signature = Files.readString(output, StandardCharsets.US_ASCII);
            if (!signature.startsWith("-----BEGIN SSH SIGNATURE-----")) {
                throw new IOException("ssh-keygen -Y sign -n " + namespace + " -f " + privateKey
                        + " wrote no SSH signature: " + head(errors));
            }
            return signature;
        } finally {
            deleteAll(work);
        }
    }

    private static String head(Path errors) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(errors)) {
            bytes = in.readNBytes(MAX_STDERR_BYTES + 1);
        }
        boolean cut = bytes.length > MAX_STDERR_BYTES;
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_STDERR_BYTES), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "no error output";
        }
        return Shown.clip(text.replaceAll("\\s*\\R\\s*", " / "), MAX_STDERR_SHOWN) + (cut ? " ..." : "");
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
