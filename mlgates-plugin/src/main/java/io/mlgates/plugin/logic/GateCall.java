package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.ConsoleTable;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.attest.Signer;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signing;
import io.mlgates.plugin.logic.attest.UnusableKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a gate step, on the controller: take an id, run the gate on the agent, show the verdict in the log,
 * keep the result with the build and the job's trend, mark the build or stage, and end the step. Written against the
 * plugin's own small interfaces, so it is tested with plain objects.
 */
public final class GateCall {
    private final String stepName;
    private final GateTask task;
    private final StepOptions options;
    private final Signing signing;

    /**
     * @param stepName the Pipeline step's name, for messages: {@code mlValidate}
     * @param signing the key that signs the result's attestation, as Manage Jenkins sets it
     */
    public GateCall(String stepName, GateTask task, StepOptions options, Signing signing) {
        this.stepName = Objects.requireNonNull(stepName, "stepName");
        this.task = Objects.requireNonNull(task, "task");
        this.options = Objects.requireNonNull(options, "options");
        this.signing = Objects.requireNonNull(signing, "signing");
    }

    public Completion run(GateWorkspace workspace, GateBuild build, StepLog log)
            throws IOException, InterruptedException {
        String wanted = options.id() == null ? task.gate() : options.id();
        String problem = ResultIds.problem(wanted);
        if (problem != null) {
            return Completion.failing(stepName + ": " + problem);
        }
        Optional<Signer> signer;
        try {
            // Before the gate runs: an organisation that set a key relies on every verdict being signed, so a key
            // that cannot sign stops the step here, rather than a verdict going on unsigned.
            signer = signing.signer();
        } catch (UnusableKey e) {
            return Completion.failing(stepName + ": the signing key set in Manage Jenkins cannot sign: "
                    + e.getMessage() + "; set a usable key there, or none to keep results unsigned");
        }
        String id = build.reserveId(wanted);
        if (!id.equals(wanted)) {
            log.say("id '" + wanted + "' was taken by an earlier call in this build, so this result is '" + id
                    + "'; give each call an id of its own to keep their trends apart");
        }
        log.say("running the " + task.gate() + " gate, result id '" + id + "'");
        GateRun run = workspace.run(task, id, options.resultsDir());
        if (!run.hasVerdict()) {
            return Completion.failing(stepName + ": no verdict: " + Bounds.text(run.badInput(), Bounds.MESSAGE));
        }
        // Everything below is the agent's reply: read and checked here, bounded before it is kept or shown.
        String json = run.json();
        if (json.length() > AgentRun.MAX_RESULT_CHARS) {
            return Completion.failing(stepName + ": the agent sent a result of " + json.length()
                    + " characters, more than the " + AgentRun.MAX_RESULT_CHARS + " a result may have");
        }
        GateResult result;
        ResultSummary summary;
        try {
            result = new GateResultJson().read(json.getBytes(StandardCharsets.UTF_8), id + ".json");
            if (!result.gate().equals(task.gate())) {
                throw new IllegalArgumentException("the agent sent a result of the '" + Bounds.text(result.gate(),
                        Bounds.NAME) + "' gate for the " + task.gate() + " gate");
            }
            summary = ResultSummary.received(id, result, json, run);
        } catch (BadInputException | IllegalArgumentException e) {
            return Completion.failing(stepName + ": the agent's result cannot be kept: "
                    + Bounds.text(String.valueOf(e.getMessage()), Bounds.MESSAGE));
        }
        String policyText = run.policyText();
        if (policyText != null) {
            // The agent's copy of the policy counts only if it is the file the result names by digest.
            String digest = PolicyLoader.digest(policyText.getBytes(StandardCharsets.UTF_8));
            if (policyText.length() > PolicyLoader.MAX_FILE_BYTES || !digest.equals(result.policyDigest())) {
                return Completion.failing(stepName + ": the agent sent a policy file whose digest " + digest
                        + " is not the result's policy digest " + Bounds.text(result.policyDigest(), Bounds.NAME));
            }
        }
        new ConsoleTable().render(result).lines().forEach(line -> log.println(Bounds.text(line, Bounds.MESSAGE)));
        if (summary.getOmittedChecks() > 0) {
            log.say(summary.getOmittedChecks() + " of the mildest checks are left out of the result kept with the"
                    + " build, to bound its size; the files in the workspace hold every check");
        }
        log.say("wrote " + String.join(", ", summary.getFiles()));
        String url = build.resultUrl(id);
        // Signed here, on the controller, from the result it read and is about to store, bound to that JSON's digest:
        // the agent sends a result, never the statement signed.
        Optional<SignedEnvelope> attestation = signer.map(s -> s.testResult(result, id, summary.getResultDigest(),
                signing.absolute(url)));
        build.attach(summary, json, attestation);
        attestation.ifPresent(a -> log.say("signed the result's in-toto attestation with the key " + a.keyId()));
        if (policyText != null) {
            build.keepPolicy(id, policyText);
        }
        build.addToTrend(summary);
        if (options.publishChecks()) {
            build.publishCheck(GateCheck.of(summary, url));
        }

        Outcome outcome = Outcome.of(result.status(), options);
        String verdict = task.gate() + " gate '" + id + "': " + summary.getStatus() + ", " + summary.getCountsText();
        if (outcome.mark() == Mark.NONE) {
            log.say(verdict);
        } else {
            build.mark(outcome.mark(), outcome.wholeBuild(), verdict);
            log.say(verdict + "; marked the " + (outcome.wholeBuild() ? "build" : "stage") + " " + outcome.mark());
        }
        if (outcome.stop()) {
            return Completion.failing(stepName + ": " + verdict + " (failOnError: false lets the pipeline go on)");
        }
        return Completion.returning(ScriptResult.of(summary, url));
    }
}
