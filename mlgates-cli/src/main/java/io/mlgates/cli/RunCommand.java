package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.EthicsRequest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.SharedRead;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.html.PromotionNote;
import java.io.IOException;
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
@Command(name = "run", mixinStandardHelpOptions = true, footer = "  mlgates run examples/credit-risk",
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

    @Option(names = "--signing-key", paramLabel = "KEY",
            description = "sign the promotion's decision as a SLSA Verification Summary (promotion-STAGE.intoto.jsonl"
                    + " in the results folder) with this Ed25519 private key, OpenSSH or PKCS#8 PEM (default: the file"
                    + " named by " + Promotions.SIGNING_KEY_VARIABLE + "; none: nothing is signed)")
    Path signingKey;

    @Override
    public Integer call() throws Exception {
        main.prepared();
        Environment env = main.environment();
        if (!noPromote) {
            // A bad signing key is told before the gates run, not after they are judged.
            Promotions.signingKey(Optional.ofNullable(signingKey), env);
        }
        PrintWriter err = spec.commandLine().getErr();
        Validation.Options o = gate.toOptions(Optional.ofNullable(repository), env.folder(),
                Optional.of(Path.of(".mlgates", "results")));
        Path results = o.out().orElseThrow();
        Validation.Loaded loaded = Validation.load(o, env.variables());
        ValidationRequest validation = Validation.validationRequest(loaded, o, baseline.source(), env.clock(), err);
        EthicsRequest ethics;
        try {
            ethics = Validation.ethicsRequest(loaded, o, fairness.columns(), fairness.references(), env.clock(), err);
        } catch (BadInputException refused) {
            new ValidationGate().evaluate(validation); // its own bad input is told first, as when it ran first
            throw refused;
        }
        // one read of the predictions for both gates (SharedRead says when it gives what two reads give)
        List<GateResult> judged = SharedRead.evaluate(validation, ethics);
        Status worst = Status.worstOf(judged.stream().map(GateResult::status).toList());
        // The report states what became of the candidate. When the gates did not pass, or promotion was not asked
        // for, that is known now; else the promotion, which reads these files, decides it, and the report is
        // written again with its outcome.
        Optional<PromotionNote> known = !worst.isSuccessful()
                ? Optional.of(PromotionNote.notPromoted("Not promoted: " + notPassed(judged) + "."))
                : noPromote ? Optional.of(PromotionNote.notPromoted("Not promoted: --no-promote was given."))
                : Optional.empty();
        boolean written = ResultFolder.write(judged, results, true, known, env.disk(), err);
        PrintWriter out = spec.commandLine().getOut();
        int gates = Validation.print(loaded, judged, o.format(), out, err);
        // With --format json standard output holds the results alone: the closing line goes to standard error.
        PrintWriter closing = o.format() == OutputFormat.json ? err : out;
        if (known.isPresent()) {
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
        Promotions.FirstStage promoted = Promotions.toFirstStage(o.repository(), results, o.orgPolicy(),
                Optional.ofNullable(signingKey), o.format(), env, out, err);
        try {
            ResultFolder.writeReport(results, results.resolve(ResultFolder.REPORT), Optional.of(promoted.note()),
                    env.disk());
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
