package io.mlgates.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates audit verify}: checks the registry's hash-chained audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The registry's audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {
    @ParentCommand
    Main main;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks the audit log's hash chain and names every entry that was edited, moved or"
                    + " deleted.", "Exit 0: intact; 1: tampered with."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        AuditCommand parent;

        @Mixin
        RegistryOptions registry;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry,
                    parent.main.environment())) {
                AuditVerification v = context.registry.verifyAudit();
                String location = context.registry.location();
                if (registry.format == OutputFormat.json) {
                    ObjectNode json = JsonNodeFactory.instance.objectNode().put("registry", location)
                            .put("entries", v.entries()).put("intact", v.intact());
                    ArrayNode findings = json.putArray("findings");
                    for (AuditFinding f : v.findings()) {
                        findings.addObject().put("seq", f.seq()).put("kind", f.kind().name().toLowerCase(Locale.ROOT))
                                .put("message", f.message());
                    }
                    out.println(Views.json(json));
                } else if (v.intact()) {
                    out.println("audit log of " + Text.terminalSafe(location) + ": " + v.entries()
                            + " entries, chain intact");
                } else {
                    out.println("audit log of " + Text.terminalSafe(location) + ": " + v.entries() + " entries, TAMPERED"
                            + " WITH:");
                    v.findings().forEach(f -> out.println("  - " + Text.terminalSafe(f.message())));
                }
                out.flush();
                return v.intact() ? Promotions.DONE : Promotions.REFUSED;
            }
        }
    }
}
