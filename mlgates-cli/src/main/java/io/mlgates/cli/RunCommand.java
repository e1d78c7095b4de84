package io.mlgates.cli;

import io.mlgates.core.gate.GateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates run [DIR]}: every gate that exists, on a repository laid out by convention: validate, then ethics.
 * Both are judged even when the first does not pass. Then the HTML report of the results folder and, when the worst
 * gate's status is successful, the candidate's promotion to the policy's first stage in the embedded registry. It
 * always says whether it promoted, and if not, why. The exit code is that of the worst gate, or of the promotion
 * when the gates passed.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every gate (validate, then ethics) on a model repository laid out by convention.",
                "Without DIR, the repository is found by searching up from the current folder (the first with"
                        + " mlgates.yaml, else with .git), or it is the --policy file's folder.",
                "Results go to DIR/.mlgates/results unless --out says otherwise;",
                "the HTML report of the results folder goes to its report/ folder.",
                "When the gates pass, the candidate is promoted to the policy's first stage (staging by default) in"
                        + " the embedded registry, unless --no-promote."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "DIR", arity = "0..1",
            description = "the model repository (default: found by searching up from the current folder)")
    Path repository;

    @Mixin
    GateOptions gate;

    @Mixin
    BaselineOption baseline;

    @Mixin
    FairnessArguments fairness;

    @Option(names = "--no-promote", description = "judge and report, but promote nothing")
    boolean noPromote;

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = gate.toOptions(Optional.ofNullable(repository), env.folder(),
                Optional.of(Path.of(".mlgates", "results")));
        Path results = o.out().orElseThrow();
        Validation.Loaded loaded = Validation.load(o, env.variables());
        GateResult validate = Validation.validate(loaded, o, baseline.source(), env.clock(), err);
        GateResult ethics = Validation.ethics(loaded, o, fairness.columns(), fairness.references(), env.clock(), err);
        List<GateResult> judged = List.of(validate, ethics);
        int gates = Validation.print(loaded, judged, o.format(), spec.commandLine().getOut(), err);
        boolean written = ResultFolder.write(judged, results, true, env.disk(), err);
        // With --format json standard output holds the results alone; the promotion is told on standard error.
        PrintWriter told = o.format() == OutputFormat.json ? err : spec.commandLine().getOut();
        if (gates != Validation.PASSED) {
            notPromoted(told, "the gates did not pass (" + judged.stream().filter(r -> !r.status().isSuccessful())
                    .map(r -> r.gate() + " " + r.status()).collect(Collectors.joining(", ")) + ")");
            return gates;
        }
        if (noPromote) {
            notPromoted(told, "--no-promote was given (the gates passed: " + judged.stream()
                    .map(r -> r.gate() + " " + r.status()).collect(Collectors.joining(", ")) + ")");
            return gates;
        }
        if (!written) {
            // Promotion reads the results folder: without this run's files it would judge another run's.
            notPromoted(told, "this run's results are not in " + results);
            return gates;
        }
        return Promotions.toFirstStage(o.repository(), results, o.orgPolicy(), o.format(), env,
                spec.commandLine().getOut(), err);
    }

    private static void notPromoted(PrintWriter told, String why) {
        told.println("not promoted: " + why);
        told.flush();
    }

}
