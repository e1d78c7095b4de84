package io.mlgates.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.identity.SshKeygen;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.release.ApprovalDesk;
import io.mlgates.core.release.ApprovalStatement;
import io.mlgates.core.release.DecisionOutcome;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.report.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates approve} and {@code mlgates reject}: a decision on a registered candidate for a stage. */
abstract class DecisionCommand implements Callable<Integer> {
    /** An armored RSA-16384 signature is under 6 kB; anything far larger is not a signature. */
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RegistryOptions registry;

    @Mixin
    HelpOption help;


    @Option(names = "--stage", paramLabel = "STAGE", required = true, description = "the stage it is for")
    String stage;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why, in your words")
    String reason;

    @Option(names = "--as", paramLabel = "NAME", description = "who decides (default: the environment's user)")
    String as;

    @Option(names = "--version", paramLabel = "N",
            description = "the registered version (default: the candidate in DIR, by the digest of its artefacts)")
    Integer version;

    @Option(names = "--ssh-key", paramLabel = "FILE",
            description = "sign the decision with this SSH private key (ssh-keygen -Y sign -n mlgates): a verified"
                    + " identity, checked against the organisation policy's identity.allowedSigners")
    Path sshKey;

    @Option(names = "--signature", paramLabel = "FILE",
            description = "an SSH signature made elsewhere over the statement that --print-statement shows (with the"
                    + " same --at); a verified identity")
    Path signature;

    @Option(names = "--at", paramLabel = "TIME",
            description = "the time in the statement that was signed (ISO-8601 UTC, as --print-statement shows it);"
                    + " default: now")
    String at;

    @Option(names = "--print-statement",
            description = "print the statement to sign (its exact bytes, no newline) and record nothing")
    boolean printStatement;

    abstract Approval.Decision decision();

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry,
                Optional.ofNullable(registry.orgPolicy), env, RegistryContext.Access.WRITE)) {
            Optional<ModelVersion> target;
            String wanted;
            if (version != null) {
                target = context.registry.version(context.model(), version);
                wanted = "version " + version;
            } else {
                String digest = context.candidate().digest();
                target = context.registry.versionByDigest(context.model(), digest);
                wanted = "candidate " + digest;
            }
            if (target.isEmpty()) {
                return show(context, Optional.empty(), List.of(new Refusal("registered", context.model() + " has no "
                        + wanted + " in the registry; promote it to the first stage, which registers it")),
                        context.registry.head());
            }
            String approver = env.identity(as);
            ModelVersion v = target.get();
            ApprovalStatement statement = new ApprovalStatement(v.model(), v.version(), v.digest(), stage, decision(),
                    reason, approver, statementTime(env));
            if (printStatement) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(statement.text());
                out.flush();
                return Promotions.DONE;
            }
            if (sshKey != null && signature != null) {
                throw new BadInputException("--ssh-key", 0, 0, "give --ssh-key or --signature, not both");
            }
            Optional<ApprovalDesk.Signed> signed = Optional.empty();
            if (sshKey != null) {
                signed = Optional.of(new ApprovalDesk.Signed(statement, SshKeygen.sign(sshKey,
                        ApprovalStatement.NAMESPACE, statement.bytes())));
            } else if (signature != null) {
                signed = Optional.of(new ApprovalDesk.Signed(statement, readSignature(signature)));
            }
            DecisionOutcome outcome = new ApprovalDesk(context.registry, env.clock(), signed.isPresent()
                    || context.promotion().stage(stage).map(StagePolicy::verifiedIdentity).orElse(false)
                    ? context.signers() : Optional.empty()).decide(v, context.promotion(), stage, approver,
                    decision(), reason, signed);
            return show(context, outcome.recorded(), outcome.refusals(), outcome.head());
        }
    }

    /** The statement's time: {@code --at} (a statement signed elsewhere), else now. */
    private Instant statementTime(Environment env) throws BadInputException {
        if (at == null) {
            return env.clock().instant();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--at", 0, 0, "expected an ISO-8601 UTC time such as 2026-11-26T10:00:00Z,"
                    + " as --print-statement shows it, not '" + at + "'");
        }
    }

    private static String readSignature(Path file) throws BadInputException {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIGNATURE_BYTES) {
                throw new BadInputException(file.toString(), 0, 0, "expected a file holding an SSH signature"
                        + " (-----BEGIN SSH SIGNATURE-----), of at most " + MAX_SIGNATURE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, 0, "cannot read the signature: " + e.getMessage());
        }
    }

    private int show(RegistryContext context, Optional<Approval> recorded, List<Refusal> refusals,
                     Optional<AuditHead> head) {
        PrintWriter out = spec.commandLine().getOut();
        if (registry.format == OutputFormat.json) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("result", recorded.isPresent() ? "recorded" : "refused");
            json.put("decision", decision().action());
            json.put("model", context.model());
            json.put("stage", stage);
            recorded.ifPresent(a -> json.put("digest", a.digest()).put("approver", a.approver())
                    .put("reason", a.reason()).put("at", a.at().toString()).put("identity", a.identity())
                    .put("keyFingerprint", a.signature().map(Approval.Signature::keyFingerprint).orElse(null)));
            ArrayNode list = json.putArray("refusals");
            refusals.forEach(r -> list.addObject().put("rule", r.rule()).put("message", r.message()));
            json.put("chainHead", head.map(AuditHead::toString).orElse(null));
            out.println(Views.json(json));
        } else if (recorded.isPresent()) {
            Approval a = recorded.get();
            out.println("recorded: " + Text.terminalSafe(a.approver()) + (a.decision() == Approval.Decision.APPROVE
                    ? " approves " : " rejects ") + Text.terminalSafe(a.model()) + " " + a.digest() + " for "
                    + a.stage() + " in " + Text.terminalSafe(context.registry.location()) + " ("
                    + a.signature().map(sig -> "verified: " + sig.keyFingerprint()).orElse("declared identity")
                    + ")");
        } else {
            out.println("refused: " + decision().action() + " of " + Text.terminalSafe(context.model()) + " for "
                    + Text.terminalSafe(stage) + ":");
            refusals.forEach(r -> out.println("  - " + r.rule() + ": " + Text.terminalSafe(r.message())));
        }
        if (registry.format != OutputFormat.json) {
            head.ifPresent(h -> out.println(Promotions.chainHead(h)));
        }
        out.flush();
        return recorded.isPresent() ? Promotions.DONE : Promotions.REFUSED;
    }

    @Command(name = "approve",
            footer = "  mlgates approve my-model --stage production --reason \"report reviewed\"",
            description = {"Approves a registered candidate for a stage, bound to its digest: a rebuilt model needs"
                    + " new approvals.", "Exit 0: recorded; 1: refused (not in the group, the author, ...)."})
    static final class Approve extends DecisionCommand {
        @Override
        Approval.Decision decision() {
            return Approval.Decision.APPROVE;
        }
    }

    @Command(name = "reject",
            footer = "  mlgates reject my-model --stage production --reason \"slices not reviewed\"",
            description = {"Rejects a registered candidate for a stage: while the rejection stands (until the same"
                    + " person approves, or it expires), the candidate is not promoted there.",
                    "Exit 0: recorded; 1: refused."})
    static final class Reject extends DecisionCommand {
        @Override
        Approval.Decision decision() {
            return Approval.Decision.REJECT;
        }
    }
}
