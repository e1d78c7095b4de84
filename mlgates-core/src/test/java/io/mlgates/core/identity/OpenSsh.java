package io.mlgates.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * OpenSSH's ssh-keygen as the tests' outside implementation: it makes the keys and signatures, and its
 * {@code -Y verify} is the oracle that our verifier must agree with. Where ssh-keygen is missing the tests that need
 * it are skipped with a message, except on CI ({@code CI=true}), where {@code .ci/run} installs it through
 * {@code .ci/install-ssh-keygen} and its absence fails them.
 */
final class OpenSsh {
    private final Path keygen;

    private OpenSsh(Path keygen) {
        this.keygen = keygen;
    }

    /** Call from {@code @BeforeAll}: null where ssh-keygen is missing, a failure on CI. */
    static OpenSsh findOrFailOnCi() {
        Optional<Path> found = SshKeygen.executable();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("ssh-keygen is missing on CI: .ci/run installs it through .ci/install-ssh-keygen");
        }
        return found.map(OpenSsh::new).orElse(null);
    }

    /** Call from {@code @BeforeEach}, so that each test shows as skipped, with the reason. */
    static void assumePresent(OpenSsh openSsh) {
        Assumptions.assumeTrue(openSsh != null,
                "ssh-keygen is not installed (bash .ci/install-ssh-keygen): signature test skipped");
    }

    record Result(int exit, String output) {
    }

    Result run(Optional<Path> stdin, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(keygen.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        stdin.ifPresent(in -> builder.redirectInput(in.toFile()));
        Process process = builder.start();
        if (stdin.isEmpty()) {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** A new key pair without passphrase: {@code ssh-keygen -t TYPE}; returns the private key's path. */
    Path newKey(Path folder, String name, String... typeArguments) throws Exception {
        Path key = folder.resolve(name);
        List<String> arguments = new ArrayList<>(List.of("-q", "-N", "", "-C", name, "-f", key.toString()));
        arguments.addAll(List.of(typeArguments));
        Result result = run(Optional.empty(), arguments.toArray(String[]::new));
        assertThat(result.exit()).as("ssh-keygen: %s", result.output()).isZero();
        return key;
    }

    /** The public key line: {@code type base64 comment}. */
    static String publicKey(Path privateKey) throws IOException {
        return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
    }

    /** The fingerprint as {@code ssh-keygen -l} prints it. */
    String fingerprint(Path privateKey) throws Exception {
        Result result = run(Optional.empty(), "-l", "-f", privateKey + ".pub");
        assertThat(result.exit()).as("ssh-keygen -l: %s", result.output()).isZero();
        return result.output().split(" ")[1];
    }

    /** {@code ssh-keygen -Y sign -n NAMESPACE -f KEY [options]} over the message file. */
    String sign(Path key, String namespace, Path message, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-Y", "sign", "-n", namespace, "-f", key.toString()));
        for (String option : options) {
            arguments.addAll(List.of("-O", option));
        }
        Path signatureFile = Files.createTempFile(message.getParent(), "sig", ".out");
        ProcessBuilder builder = new ProcessBuilder(keygenCommand(arguments)).redirectInput(message.toFile())
                .redirectOutput(signatureFile.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        int exit = builder.start().waitFor();
        assertThat(exit).as("ssh-keygen -Y sign").isZero();
        return Files.readString(signatureFile);
    }

    private List<String> keygenCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(keygen.toString());
        command.addAll(arguments);
        return command;
    }

    /** {@code ssh-keygen -Y verify}: whether OpenSSH accepts the signature, at the given time if any. */
    boolean verifies(Path allowedSigners, String principal, String namespace, Path message, String signature,
            Optional<String> verifyTime) throws Exception {
        Path signatureFile = Files.writeString(Files.createTempFile(message.getParent(), "sig", ".sig"), signature);
        List<String> arguments = new ArrayList<>(List.of("-Y", "verify", "-f", allowedSigners.toString(), "-I",
                principal, "-n", namespace, "-s", signatureFile.toString()));
        verifyTime.ifPresent(time -> arguments.addAll(List.of("-O", "verify-time=" + time)));
        return run(Optional.of(message), arguments.toArray(String[]::new)).exit() == 0;
    }
}
