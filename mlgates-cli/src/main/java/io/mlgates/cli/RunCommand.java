package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.report.html.PromotionNote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates run DIR}: every gate that exists, on a repository laid out by convention: validate, then ethics.
 * Both are judged even when the first does not pass. Then the HTML report of the results folder and, when the worst
 * gate's status is successful, the candidate's promotion to the policy's first stage in the embedded registry. The
 * exit code is that of the worst gate, or of the promotion when the gates passed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, footer = "  mlgates run examples/credit-risk",
        description = {"Runs every gate (validate, then ethics) on a model repository laid out by convention.",
                "Results go to DIR/.mlgates/results unless --out says otherwise;",
                "the HTML report of the results folder goes to its report/ folder.",
                "When the gates pass, the candidate is promoted to the policy's first stage (staging by default) in"
                        + " the embedded registry."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "the model repository")
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
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = new Validation.Options(repository, Optional.empty(), Optional.ofNullable(orgPolicy),
                Optional.empty(), Optional.of(results), format, ColumnChoice.none());
        Validation.Loaded loaded = Validation.load(o, main.environment().variables());
        GateResult validate = Validation.validate(loaded, o, Optional.empty(), main.environment().clock(), err);
        GateResult ethics = Validation.ethics(loaded, o, Optional.empty(), main.environment().clock(), err);
        List<GateResult> judged = List.of(validate, ethics);
        Status worst = Status.worstOf(judged.stream().map(GateResult::status).toList());
        // The report states what became of the candidate. When the gates did not pass that is known now; else the
        // promotion, which reads these files, decides it, and the report is written again with its outcome.
        Optional<PromotionNote> known = worst.isSuccessful() ? Optional.empty()
                : Optional.of(PromotionNote.notPromoted("Not promoted: " + notPassed(judged) + "."));
        boolean written = ResultFolder.write(judged, results, true, known, main.environment().disk(), err);
        PrintWriter out = spec.commandLine().getOut();
        int gates = Validation.print(judged, format, out);
        // With --format json standard output holds the results alone: the closing line goes to standard error.
        PrintWriter closing = format == OutputFormat.json ? err : out;
        if (gates != Validation.PASSED) {
            verdict(closing, judged, known.get());
            return gates;
        }
        if (!written) {
            // Promotion reads the results folder: without this run's files it would judge another run's.
            err.println("mlgates: not promoted: this run's results are not in " + results);
            err.flush();
            verdict(closing, judged, PromotionNote.notPromoted("Not promoted: this run's results are not in "
                    + results + "."));
            return gates;
        }
        Promotions.FirstStage promoted = Promotions.toFirstStage(repository, results, Optional.ofNullable(orgPolicy),
                format, main.environment(), out, err);
        try {
            ResultFolder.writeReport(results, results.resolve(ResultFolder.REPORT), Optional.of(promoted.note()),
                    main.environment().disk());
        } catch (BadInputException | IOException e) {
            // The report written with the results stands; it says it does not know the promotion, which is true.
            err.println("mlgates: the report does not state the promotion: " + e.getMessage());
        }
        verdict(closing, judged, promoted.note());
        return promoted.code();
    }

    /** "validate FAIL, ethics WARN": the gates that did not pass. */
    private static String notPassed(List<GateResult> judged) {
        return judged.stream().filter(r -> !r.status().isSuccessful()).map(r -> r.gate() + " " + r.status())
                .collect(Collectors.joining(", ")) + " did not pass";
    }

    /** The console's last line: the verdict over every gate, and what became of the candidate. */
    private static void verdict(PrintWriter out, List<GateResult> judged, PromotionNote promotion) {
        out.println();
        out.println("verdict: " + Status.worstOf(judged.stream().map(GateResult::status).toList()) + " ("
                + judged.stream().map(r -> r.gate() + " " + r.status()).collect(Collectors.joining(", ")) + "). "
                + promotion.text());
        out.flush();
    }
}
