package io.mlgates.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates audit verify}: checks the registry's hash-chained audit log, read-only. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks the registry's audit log.",
        footer = "  mlgates audit verify examples/credit-risk",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {
    @ParentCommand
    Main main;

    @Command(name = "verify", mixinStandardHelpOptions = true, footer = "  mlgates audit verify examples/credit-risk",
            description = {"Checks the audit log's hash chain and head against the registry's versions, stages, stage"
                    + " history and approvals.",
                    "It names every entry, row and field that disagrees. It opens the registry read-only: nothing is"
                    + " created, migrated or written.",
                    "Exit 0: intact; 1: tampered with; 2: no registry, or bad input."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        AuditCommand parent;

        @Mixin
        RegistryOptions registry;

        @Option(names = "--expect-head", paramLabel = "SEQ:HASH",
                description = "a chain head seen earlier (printed by promote and approve, kept in a build record):"
                        + " the log must still hold that entry with that hash; repeatable")
        List<String> expectHeads = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<AuditHead> anchors = new ArrayList<>();
            for (String text : expectHeads) {
                try {
                    anchors.add(AuditHead.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--expect-head", 0, 0, e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry,
                    parent.main.environment(), RegistryContext.Access.READ)) {
                AuditVerification v = context.registry.verifyAudit(anchors);
                String location = context.registry.location();
                if (registry.format == OutputFormat.json) {
                    ObjectNode json = JsonNodeFactory.instance.objectNode().put("registry", location)
                            .put("entries", v.entries()).put("intact", v.intact())
                            .put("chainHead", v.head().map(AuditHead::toString).orElse(null));
                    ArrayNode findings = json.putArray("findings");
                    for (AuditFinding f : v.findings()) {
                        ObjectNode node = findings.addObject();
                        if (f.seq() > 0) {
                            node.put("seq", f.seq());
                        } else {
                            node.putNull("seq");
                        }
                        node.put("kind", f.kind().name().toLowerCase(Locale.ROOT)).put("message", f.message());
                    }
                    ArrayNode limits = json.putArray("limits");
                    v.limits().forEach(limits::add);
                    out.println(Views.json(json));
                } else {
                    out.println("audit log of " + Text.terminalSafe(location) + ": " + v.entries() + " entries, "
                            + (v.intact() ? "chain intact" + (anchors.isEmpty() ? "" : ", every anchor held")
                            : "TAMPERED WITH:"));
                    v.findings().forEach(f -> out.println("  - " + Text.terminalSafe(f.message())));
                    v.limits().forEach(l -> out.println("  note: " + l));
                    v.head().ifPresent(h -> out.println("chain head: " + h));
                }
                out.flush();
                return v.intact() ? Promotions.DONE : Promotions.REFUSED;
            }
        }
    }
}
