package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.attestation.AttestationFiles;
import io.mlgates.core.attestation.CandidateSubjects;
import io.mlgates.core.attestation.Dsse;
import io.mlgates.core.attestation.SigningKey;
import io.mlgates.core.attestation.Statement;
import io.mlgates.core.attestation.TestResultStatement;
import io.mlgates.core.attestation.TrustedKeys;
import io.mlgates.core.attestation.VerifiedEnvelope;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.identity.SignatureException;
import io.mlgates.core.report.Text;
import io.mlgates.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates attest}: each gate result of a results folder as a signed in-toto Test Result attestation, and
 * {@code mlgates attest verify}, which checks one.
 */
@Command(name = "attest", mixinStandardHelpOptions = true,
        footer = "  mlgates attest examples/credit-risk --key ~/.ssh/mlgates_ed25519",
        description = {"Signs each gate result of the results folder as an in-toto Test Result attestation: a DSSE"
                + " envelope around an in-toto Statement about the candidate's files, signed with an Ed25519 key.",
                "Writes <gate>.intoto.jsonl beside the results (or into --out). The candidate's files are digested"
                        + " again: if they changed since the gates judged them, nothing is signed.",
                "Exit 0: written; 2: bad input (no result, a bad key, changed files). See docs/attestations.md."},
        subcommands = AttestCommand.Verify.class)
final class AttestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "the model repository (default: found by searching up from the current folder)")
    Path repository;

    // Not required by picocli: `attest verify` takes its own --key, and a required option here would be asked of it.
    @Option(names = "--key", paramLabel = "KEY",
            description = "the Ed25519 private key to sign with: OpenSSH (ssh-keygen -t ed25519, no passphrase) or"
                    + " PKCS#8 PEM (openssl genpkey -algorithm ed25519)")
    Path key;

    @Option(names = "--results", paramLabel = "DIR",
            description = "the results folder whose <gate>.json files to attest (default: DIR/.mlgates/results)")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the attestations (default: the"
            + " results folder)")
    Path out;

    @Option(names = "--url", paramLabel = "URL",
            description = "the results' page (a CI build's), written as each attestation's url")
    String url;

    @Override
    public Integer call() throws Exception {
        if (key == null) {
            throw new BadInputException("--key", 0, 0, "missing: expected the Ed25519 private key to sign with");
        }
        Environment env = main.environment();
        SigningKey signer = SigningKey.read(key);
        Path repo = ModelLocation.of(Optional.empty(), Optional.ofNullable(repository), env.folder()).repository();
        Workspace workspace = Workspace.at(repo);
        Path folder = results != null ? results : repo.resolve(".mlgates").resolve("results");
        Map<String, GateResult> byGate = read(folder);
        Path target = out != null ? out : folder;
        PrintWriter stdout = spec.commandLine().getOut();
        for (GateResult result : byGate.values()) {
            Statement statement = TestResultStatement.of(result, CandidateSubjects.of(workspace, result.candidate(),
                    "the " + result.gate() + " result's candidate"), Optional.ofNullable(url));
            Path file = target.resolve(AttestationFiles.ofGate(result.gate()));
            AttestationFiles.write(file, List.of(signer.sign(statement)));
            stdout.println("attested " + result.gate() + " (" + TestResultStatement.result(result.status())
                    + ", candidate " + result.candidate().digest() + "): " + file + ", signed by key "
                    + signer.keyId());
        }
        stdout.flush();
        return 0;
    }

    /** The gate results directly in {@code folder}, one per gate. */
    private static Map<String, GateResult> read(Path folder) throws BadInputException, java.io.IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder.toString(), 0, 0, "not a folder: expected a results folder"
                    + " (mlgates run or validate --out writes one)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        Map<String, GateResult> byGate = new LinkedHashMap<>();
        io.mlgates.core.report.GateResultJson json = new io.mlgates.core.report.GateResultJson();
        for (Path file : files) {
            GateResult result = json.read(Files.readAllBytes(file), file.toString());
            // The gate's name becomes a file name beside the others: a name with a separator would write elsewhere.
            if (result.gate().contains("/") || result.gate().contains("\\") || result.gate().indexOf('\0') >= 0) {
                throw new BadInputException(file.toString(), 0, 0, "the gate name \"" + Text.terminalSafe(result.gate())
                        + "\" is not a file name; expected a gate such as validate");
            }
            GateResult before = byGate.putIfAbsent(result.gate(), result);
            if (before != null) {
                throw new BadInputException(file.toString(), 0, 0, "a second " + result.gate() + " result in "
                        + folder + "; expected one result per gate");
            }
        }
        if (byGate.isEmpty()) {
            throw new BadInputException(folder.toString(), 0, 0, "no gate result (*.json) in this folder;"
                    + " `mlgates run` or `mlgates validate --out` writes them");
        }
        return byGate;
    }

    /** {@code mlgates attest verify FILE}: checks every envelope of an attestation file. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            footer = "  mlgates attest verify validate.intoto.jsonl --key ci.pub",
            description = {"Verifies every envelope of an attestation file (one DSSE envelope a line): its Ed25519"
                    + " signature by the trusted key, its payload type (application/vnd.in-toto+json) and that the"
                    + " payload is an in-toto Statement; says which key (and principals) signed each.",
                    "Each envelope's outcome is told (verified:, refused: or bad input:), and the exit code is the"
                            + " worst of them: 2 bad input (an unreadable file or key, a line that is not an envelope,"
                            + " a payload that is not an in-toto Statement), over 1 a bad signature or one by a key"
                            + " that is not trusted, over 0 when every envelope verifies."})
    static final class Verify implements Callable<Integer> {
        /** The exit code of a signature that does not verify with a trusted key. */
        private static final int REFUSED = 1;

        @Spec
        CommandSpec spec;

        @ParentCommand
        AttestCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", description = "the attestation file (.intoto.jsonl)")
        Path file;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Trust trust;

        static final class Trust {
            @Option(names = "--key", paramLabel = "PUBKEY", required = true,
                    description = "the Ed25519 public key: an OpenSSH line (ssh-ed25519 ...) or a PEM public key")
            Path key;

            @Option(names = "--allowed-signers", paramLabel = "FILE", required = true,
                    description = "an OpenSSH allowed-signers file: a listed key signs as its principals (lines"
                            + " with namespaces= must list mlgates-attestation)")
            Path allowedSigners;
        }

        @Override
        public Integer call() throws Exception {
            TrustedKeys keys = trust.key != null ? TrustedKeys.readPublicKey(trust.key)
                    : TrustedKeys.readAllowedSigners(trust.allowedSigners);
            List<AttestationFiles.Line> lines = AttestationFiles.lines(file, file.toString());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int exit = 0;
            for (int i = 0; i < lines.size(); i++) {
                // Every line is told, whatever an earlier one was: the exit code is the worst of them.
                exit = Math.max(exit, verify(lines.get(i), file + " envelope " + (i + 1), keys, out, err));
            }
            out.flush();
            err.flush();
            return exit;
        }

        /** Verifies one line and says so: 0 verified, 1 refused (signature), 2 bad input. */
        private int verify(AttestationFiles.Line line, String where, TrustedKeys keys, PrintWriter out,
                PrintWriter err) {
            try {
                if (line instanceof AttestationFiles.Unreadable unreadable) {
                    throw unreadable.problem();
                }
                VerifiedEnvelope verified;
                try {
                    verified = keys.verify(((AttestationFiles.Parsed) line).envelope(),
                            parent.main.environment().clock().instant());
                } catch (SignatureException e) {
                    err.println("refused: " + where + ": " + Text.terminalSafe(e.getMessage()));
                    return REFUSED;
                }
                if (!verified.payloadType().equals(Dsse.IN_TOTO_PAYLOAD_TYPE)) {
                    throw new BadInputException(where, 0, 0, "the payload type is \""
                            + Text.terminalSafe(verified.payloadType()) + "\", expected " + Dsse.IN_TOTO_PAYLOAD_TYPE);
                }
                Statement statement = Statement.parse(verified.payload(), where);
                out.println("verified: " + where + ": " + Text.terminalSafe(statement.predicateType()) + " about "
                        + statement.subjects().stream().map(s -> Text.terminalSafe(s.name().orElseThrow()))
                        .collect(Collectors.joining(", ")) + "; signed by " + verified.signers().stream()
                        .map(s -> Text.terminalSafe(s.describe())).collect(Collectors.joining("; ")));
                return 0;
            } catch (BadInputException e) {
                err.println("bad input: " + e.getMessage());
                return ErrorHandler.BAD_INPUT;
            }
        }
    }
}
