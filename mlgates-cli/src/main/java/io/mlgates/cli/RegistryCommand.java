package io.mlgates.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.GateEvidence;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.release.Rollbacks;
import io.mlgates.core.report.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates registry list|show|history|rollback}: what the registry holds, and stepping a stage back. */
@Command(name = "registry", mixinStandardHelpOptions = true, footer = "  mlgates registry list examples/credit-risk",
        description = "Reads the model registry, or rolls a stage back to its previous version.",
        subcommands = {RegistryCommand.ListVersions.class, RegistryCommand.Show.class, RegistryCommand.History.class,
                RegistryCommand.Rollback.class})
final class RegistryCommand {
    @ParentCommand
    Main main;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The parts every subcommand shares. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        RegistryCommand parent;

        @Mixin
        RegistryOptions registry;

        @Override
        public Integer call() throws Exception {
            try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry,
                    parent.main.environment(), access())) {
                return run(context, spec.commandLine().getOut());
            }
        }

        abstract int run(RegistryContext context, PrintWriter out) throws Exception;

        /** Reading commands open the registry read-only: they never create, migrate or write it. */
        RegistryContext.Access access() {
            return RegistryContext.Access.READ;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, footer = "  mlgates registry list examples/credit-risk",
            description = "Lists the model's versions and the stages that point to them.")
    static final class ListVersions extends Sub {
        @Override
        int run(RegistryContext context, PrintWriter out) throws Exception {
            List<ModelVersion> versions = context.registry.versions(context.model());
            Map<String, Integer> stages = context.registry.stages(context.model());
            if (registry.format == OutputFormat.json) {
                ObjectNode json = F.objectNode().put("model", context.model())
                        .put("registry", context.registry.location());
                ObjectNode stageNode = json.putObject("stages");
                stages.forEach(stageNode::put);
                ArrayNode list = json.putArray("versions");
                versions.forEach(v -> list.add(version(v)));
                out.println(Views.json(json));
                out.flush();
                return Promotions.DONE;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ModelVersion v : versions) {
                List<String> in = new ArrayList<>();
                stages.forEach((stage, version) -> {
                    if (version == v.version()) {
                        in.add(stage);
                    }
                });
                rows.add(List.of(String.valueOf(v.version()), Views.shortDigest(v.digest()), v.author(),
                        v.registration().at().toString(), String.join(", ", in)));
            }
            out.println(Text.terminalSafe(context.model()) + " in " + Text.terminalSafe(context.registry.location())
                    + ": " + versions.size() + (versions.size() == 1 ? " version" : " versions"));
            Views.table(out, List.of("version", "digest", "author", "registered", "stages"), rows);
            return Promotions.DONE;
        }
    }

    @Command(name = "show", footer = "  mlgates registry show examples/credit-risk --version 1",
            description = "Shows a version: digest, source, build, author, evidence, metrics, approvals.")
    static final class Show extends Sub {
        @Mixin
        HelpOption help;

        @Option(names = "--version", paramLabel = "N",
                description = "the version (default: the candidate in DIR, by the digest of its artefacts)")
        Integer version;

        @Override
        int run(RegistryContext context, PrintWriter out) throws Exception {
            Optional<ModelVersion> found = version != null ? context.registry.version(context.model(), version)
                    : context.registry.versionByDigest(context.model(), context.candidate().digest());
            if (found.isEmpty()) {
                throw new BadInputException(version != null ? "--version" : registry.repository, 0, 0,
                        context.model() + " has no " + (version != null ? "version " + version
                        : "registered version with the digest of these artefacts"));
            }
            ModelVersion v = found.get();
            List<Approval> approvals = new ArrayList<>();
            for (var stage : context.promotion().stages()) {
                approvals.addAll(context.registry.approvals(context.model(), v.digest(), stage.name()));
            }
            if (registry.format == OutputFormat.json) {
                ObjectNode json = version(v);
                ArrayNode list = json.putArray("approvals");
                approvals.forEach(a -> list.addObject().put("stage", a.stage()).put("approver", a.approver())
                        .put("decision", a.decision().action()).put("reason", a.reason()).put("at", a.at().toString()));
                out.println(Views.json(json));
                out.flush();
                return Promotions.DONE;
            }
            out.println(Text.terminalSafe(v.model()) + " version " + v.version());
            out.println("  digest:     " + v.digest());
            out.println("  source:     " + Text.terminalSafe(v.registration().source()));
            out.println("  build:      " + Text.terminalSafe(v.registration().buildLink().orElse("-")));
            out.println("  author:     " + Text.terminalSafe(v.author()));
            out.println("  registered: " + v.registration().at());
            for (GateEvidence e : v.registration().evidence()) {
                out.println("  evidence:   " + e.gate() + " " + e.status() + " at " + e.evaluatedAt() + " (policy "
                        + Views.shortDigest(e.policyDigest()) + ")");
            }
            v.registration().metrics().forEach((name, value) -> out.println("  metric:     "
                    + Text.terminalSafe(name) + " = " + value));
            for (Approval a : approvals) {
                out.println("  " + a.decision().action() + (a.decision() == Approval.Decision.APPROVE ? ":    "
                        : ":     ") + a.stage() + " by " + Text.terminalSafe(a.approver()) + " at " + a.at() + ": "
                        + Text.terminalSafe(a.reason()));
            }
            out.flush();
            return Promotions.DONE;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            footer = "  mlgates registry history examples/credit-risk --stage production",
            description = "Lists every stage move of the model, oldest first: promotions and rollbacks, who, when,"
                    + " why.")
    static final class History extends Sub {
        @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage's moves")
        String stage;

        @Override
        int run(RegistryContext context, PrintWriter out) throws Exception {
            List<StageMove> moves = context.registry.history(context.model()).stream()
                    .filter(m -> stage == null || m.stage().equals(stage)).toList();
            if (registry.format == OutputFormat.json) {
                ArrayNode list = F.arrayNode();
                for (StageMove m : moves) {
                    ObjectNode node = list.addObject().put("id", m.id()).put("stage", m.stage())
                            .put("kind", m.request().kind().action());
                    if (m.from().isPresent()) {
                        node.put("from", m.from().getAsInt());
                    } else {
                        node.putNull("from");
                    }
                    node.put("to", m.to()).put("actor", m.request().actor()).put("at", m.request().at().toString())
                            .put("reason", m.request().reason()).put("emergency", m.request().emergency())
                            .set("evidence", CanonicalJson.parse(m.request().evidence()));
                }
                out.println(Views.json(F.objectNode().put("model", context.model()).set("history", list)));
                out.flush();
                return Promotions.DONE;
            }
            List<List<String>> rows = new ArrayList<>();
            for (StageMove m : moves) {
                rows.add(List.of(String.valueOf(m.id()), m.stage(), m.request().kind().action()
                        + (m.request().emergency() ? " (emergency)" : ""), shown(m.from()), String.valueOf(m.to()),
                        m.request().actor(), m.request().at().toString(), m.request().reason()));
            }
            Views.table(out, List.of("#", "stage", "move", "from", "to", "by", "at", "reason"), rows);
            return Promotions.DONE;
        }

        private static String shown(OptionalInt version) {
            return version.isPresent() ? String.valueOf(version.getAsInt()) : "-";
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            footer = "  mlgates registry rollback my-model --stage staging --reason \"recall fell\"",
            description = {"Points a stage back to the version it held before its current one.",
                    "Exit 0: rolled back; 1: refused (nothing to roll back to, or the stage moved meanwhile)."})
    static final class Rollback extends Sub {
        @Option(names = "--stage", paramLabel = "STAGE", required = true, description = "the stage to roll back")
        String stage;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why")
        String reason;

        @Option(names = "--as", paramLabel = "NAME", description = "who rolls back (default: the environment's user)")
        String as;

        @Override
        RegistryContext.Access access() {
            return RegistryContext.Access.WRITE;
        }

        @Override
        int run(RegistryContext context, PrintWriter out) throws Exception {
            Environment env = parent.main.environment();
            if (context.promotion().stage(stage).isEmpty()) {
                throw new BadInputException("--stage", 0, 0, "no stage '" + stage + "' in the"
                        + " policy");
            }
            Rollbacks.Outcome outcome = new Rollbacks(context.registry, env.clock()).rollback(context.model(), stage,
                    env.identity(as), reason);
            if (registry.format == OutputFormat.json) {
                ObjectNode json = F.objectNode().put("result", outcome.refusals().isEmpty() ? "rolled back" : "refused")
                        .put("model", context.model()).put("stage", stage);
                outcome.from().ifPresent(v -> json.put("from", v));
                outcome.to().ifPresent(v -> json.put("to", v));
                ArrayNode list = json.putArray("refusals");
                outcome.refusals().forEach(r -> list.addObject().put("rule", r.rule()).put("message", r.message()));
                out.println(Views.json(json));
            } else if (outcome.refusals().isEmpty()) {
                out.println("rolled back " + Text.terminalSafe(context.model()) + " " + stage + " from version "
                        + outcome.from().getAsInt() + " to version " + outcome.to().getAsInt() + " in "
                        + Text.terminalSafe(context.registry.location()));
            } else {
                out.println("refused: rollback of " + Text.terminalSafe(context.model()) + " " + stage + ":");
                for (Refusal r : outcome.refusals()) {
                    out.println("  - " + r.rule() + ": " + Text.terminalSafe(r.message()));
                }
            }
            out.flush();
            return outcome.refusals().isEmpty() ? Promotions.DONE : Promotions.REFUSED;
        }
    }

    static ObjectNode version(ModelVersion v) {
        ObjectNode node = F.objectNode().put("version", v.version()).put("digest", v.digest())
                .put("source", v.registration().source()).put("buildLink", v.registration().buildLink().orElse(null))
                .put("author", v.author()).put("registered", v.registration().at().toString());
        ArrayNode evidence = node.putArray("evidence");
        v.registration().evidence().forEach(e -> evidence.add(e.toJson()));
        ObjectNode metrics = node.putObject("metrics");
        v.registration().metrics().forEach(metrics::put);
        return node;
    }
}
