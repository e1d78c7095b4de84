package io.mlgates.cli;

import io.mlgates.core.bom.BomJson;
import io.mlgates.core.bom.BomReader;
import io.mlgates.core.bom.BomSources;
import io.mlgates.core.bom.InvalidBomException;
import io.mlgates.core.bom.ModelBom;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates bom}: the candidate's CycloneDX 1.6 ML-BOM, validated against the schema before it is written. */
@Command(name = "bom", mixinStandardHelpOptions = true,
        footer = "  mlgates bom examples/credit-risk --out credit-risk.cdx.json",
        description = {"Writes the candidate's ML-BOM (CycloneDX 1.6 JSON) with the model and its files by digest,"
                + " a model card of every metric the gates judged (overall, per slice and group, with intervals),"
                + " the data sets with their licences and datasheets, and the gate results as references.",
                "The gates' results for the candidate as it is now must be in the results folder (mlgates run"
                        + " writes them). A BOM the schema refuses is never written."})
final class BomCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "the model repository; default: .")
    Path repository;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the BOM's file (JSON)")
    Path out;

    @Option(names = "--results", paramLabel = "DIR",
            description = "the gates' results folder (default: the policy's promotion.results, .mlgates/results)")
    Path results;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "the organisation policy (default: the file named by " + Validation.ORG_POLICY_VARIABLE
                    + ")")
    Path orgPolicy;

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        Workspace ws = Workspace.at(repository);
        LoadedPolicy policy = RegistryContext.policy(ws, Optional.ofNullable(orgPolicy), env);
        Path folder = results != null ? results
                : ws.resolve(policy.policy().promotion().results(), "promotion.results");
        String shown = results != null ? results.toString() : policy.policy().promotion().results();
        Path target = out.toAbsolutePath().normalize();
        BomSources sources = BomReader.read(ws, policy, folder, shown,
                BomReader.relativeTo(target.getParent()), env.clock().instant());
        byte[] json;
        try {
            json = BomJson.validated(ModelBom.of(sources));
        } catch (InvalidBomException e) {
            // what we built is wrong, not what the user gave: an internal error, and nothing written
            spec.commandLine().getErr().println("mlgates: internal error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ErrorHandler.INTERNAL_ERROR;
        }
        AtomicFiles.write(env.disk(), target, o -> o.write(json));
        spec.commandLine().getOut().println(out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
