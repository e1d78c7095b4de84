package io.mlgates.cli;

import io.mlgates.core.gate.GateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates run DIR}: every gate that exists, on a repository laid out by convention: validate, then ethics.
 * Both are judged even when the first does not pass; the exit code is that of the worst.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every gate (validate, then ethics) on a model repository laid out by convention.",
                "Results go to DIR/.mlgates/results unless --out says otherwise."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", defaultValue = ".", description = "the model repository")
    Path repository;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "organisation policy the model policy may tighten, never loosen (default: $"
                    + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: DIR/.mlgates/results)")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json: an array of the results); default ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Path results = out != null ? out : repository.resolve(".mlgates").resolve("results");
        Validation.Options o = new Validation.Options(repository, Optional.empty(), Optional.ofNullable(orgPolicy),
                Optional.empty(), Optional.of(results), format);
        Validation.Loaded loaded = Validation.load(o, System.getenv());
        GateResult validate = Validation.validate(loaded, o, Optional.empty(), spec.commandLine().getErr());
        GateResult ethics = Validation.ethics(loaded, o, Optional.empty(), spec.commandLine().getErr());
        return Validation.show(List.of(validate, ethics), o, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
