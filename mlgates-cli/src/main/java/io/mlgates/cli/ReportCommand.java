package io.mlgates.cli;

import io.mlgates.core.bom.InvalidBomException;
import io.mlgates.core.pack.EvidencePack;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates report}: the static HTML report of every gate result in a results folder; with {@code --pack}, the
 * evidence pack for an auditor.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        footer = "  mlgates report --results examples/credit-risk/.mlgates/results --out report",
        description = {"Writes a static HTML report of every gate result (*.json) in a results folder.",
                "The report is index.html, a page per gate and the stylesheet, in one folder that opens from the"
                        + " file system.",
                "Several results of one gate (in subfolders, say one per build) make a trend.",
                "--pack writes the evidence pack of the model repository found from the current folder: the report,"
                        + " every result, the attestations, the ML-BOM, the audit chain's entries for the candidate,"
                        + " an index mapping EU AI Act Annex IV 2(g) and NIST AI RMF MEASURE to them, and a manifest"
                        + " of every file's SHA-256, signed with --sign-key."})
final class ReportCommand implements Callable<Integer> {
    /** The pack's folder in the repository when {@code --out} is not given. */
    static final String PACK = ".mlgates/evidence-pack";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--results", paramLabel = "DIR",
            description = "folder of gate results; default .mlgates/results (with --pack: the policy's"
                    + " promotion.results)")
    Path results;

    @Option(names = "--out", paramLabel = "DIR",
            description = "folder for the report (default: RESULTS/report), or the pack (default: " + PACK + ")")
    Path out;

    @Option(names = "--pack", description = "write the evidence pack for an auditor instead of the report alone")
    boolean pack;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "with --pack: an SSH private key to sign the manifest with (ssh-keygen -Y sign, namespace "
                    + EvidencePack.NAMESPACE + ")")
    Path signKey;

    @Option(names = "--registry", paramLabel = "FILE|URL",
            description = "with --pack: the registry whose audit chain goes in (default: the policy's"
                    + " promotion.registry), or an MLflow tracking server's http(s) URL")
    String registry;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "with --pack: the organisation policy (default: the file named by "
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Override
    public Integer call() throws Exception {
        if (pack) {
            return pack();
        }
        if (signKey != null || registry != null || orgPolicy != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--sign-key, --registry and --org-policy go with --pack");
        }
        Path folder = results != null ? results : Path.of(".mlgates/results");
        Path target = out != null ? out : folder.resolve(ResultFolder.REPORT);
        // The current folder is the model repository by convention: a linked .mlgates/ must not lead the report out.
        Workspace.at(Path.of("")).checkOutput(target, out != null ? "--out" : "--results");
        Path index = ResultFolder.writeReport(folder, target, main.environment().disk());
        spec.commandLine().getOut().println(index);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int pack() throws Exception {
        Environment env = main.environment();
        Workspace ws = Workspace.at(ModelLocation.of(Optional.empty(), Optional.empty(), env.folder()).repository());
        LoadedPolicy policy = RegistryContext.policy(ws, Optional.ofNullable(orgPolicy), env);
        Path folder = results != null ? env.folder().resolve(results)
                : ws.resolve(policy.policy().promotion().results(), "promotion.results");
        String shown = results != null ? results.toString() : policy.policy().promotion().results();
        Path target = out != null ? ws.checkOutput(env.folder().resolve(out), "--out")
                : ws.checkOutput(ws.resolve(PACK, "the evidence pack"), "the evidence pack");
        Optional<ModelRegistry> opened = Optional.empty();
        String absent = "";
        try {
            opened = Optional.of(registry != null
                    ? RegistryContext.named(registry, policy.policy().modelName(), env, RegistryContext.Access.READ)
                    : SqliteRegistry.openForReading(ws.resolve(policy.policy().promotion().registry(),
                    "promotion.registry"), policy.policy().promotion().registry()));
        } catch (RegistryException e) {
            // no registry yet (a candidate never promoted): the pack says so instead of refusing
            absent = e.getMessage();
        }
        Path index;
        try {
            index = EvidencePack.write(new EvidencePack.Input(ws, policy, folder, shown, opened, absent,
                    Optional.ofNullable(signKey).map(env.folder()::resolve), env.clock().instant()), target,
                    env.disk());
        } catch (InvalidBomException e) {
            spec.commandLine().getErr().println("mlgates: internal error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ErrorHandler.INTERNAL_ERROR;
        } finally {
            if (opened.isPresent()) {
                opened.get().close();
            }
        }
        spec.commandLine().getOut().println(index);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
