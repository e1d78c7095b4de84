package io.mlgates.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.release.ApprovalDesk;
import io.mlgates.core.release.DecisionOutcome;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--stage", paramLabel = "STAGE", required = true, description = "the stage it is for")
    String stage;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why, in your words")
    String reason;

    @Option(names = "--as", paramLabel = "NAME", description = "who decides (default: the environment's user)")
    String as;

    @Option(names = "--version", paramLabel = "N",
            description = "the registered version (default: the candidate in DIR, by the digest of its artefacts)")
    Integer version;

    abstract Approval.Decision decision();

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry, env,
                RegistryContext.Access.WRITE)) {
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
            DecisionOutcome outcome = new ApprovalDesk(context.registry, env.clock()).decide(target.get(),
                    context.promotion(), stage, env.identity(as), decision(), reason);
            return show(context, outcome.recorded(), outcome.refusals(), outcome.head());
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
                    .put("reason", a.reason()).put("at", a.at().toString()));
            ArrayNode list = json.putArray("refusals");
            refusals.forEach(r -> list.addObject().put("rule", r.rule()).put("message", r.message()));
            json.put("chainHead", head.map(AuditHead::toString).orElse(null));
            out.println(Views.json(json));
        } else if (recorded.isPresent()) {
            Approval a = recorded.get();
            out.println("recorded: " + Text.terminalSafe(a.approver()) + (a.decision() == Approval.Decision.APPROVE
                    ? " approves " : " rejects ") + Text.terminalSafe(a.model()) + " " + a.digest() + " for "
                    + a.stage() + " in " + Text.terminalSafe(context.registry.location()));
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

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approves a registered candidate for a stage, bound to its digest: a rebuilt model needs"
                    + " new approvals.", "Exit 0: recorded; 1: refused (not in the group, the author, ...)."})
    static final class Approve extends DecisionCommand {
        @Override
        Approval.Decision decision() {
            return Approval.Decision.APPROVE;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
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
