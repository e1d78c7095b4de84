package io.mlgates.plugin.logic;

import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import java.io.IOException;
import java.util.Optional;

/** The build a step runs in, as the plugin's logic sees it: where results are kept and outcomes marked. */
public interface GateBuild {
    /**
     * Takes a result id for this call: {@code wanted}, or a free variant of it when an earlier call of this build,
     * finished or still running, has it. See {@link ResultIds#unique}.
     */
    String reserveId(String wanted);

    /**
     * Keeps the result with the build: its summary in build.xml, its JSON in a file of its own beside it, and its
     * signed attestation, when there is one, in a file beside that ({@link Attestations#ofResult}), named in build.xml
     * with its key and digest.
     */
    void attach(ResultSummary summary, String json, Optional<SignedEnvelope> attestation) throws IOException;

    /**
     * Keeps the policy file's text the result with this id was judged under, beside the result, and once per policy at
     * job level, named by its digest, where the board reads it without loading the build.
     */
    void keepPolicy(String id, String text) throws IOException;

    /** The page of the result with this id, relative to Jenkins' root URL: {@code job/x/42/mlgates/validate/}. */
    String resultUrl(String id);

    /**
     * Publishes the result as a check on the commit or pull request the build is for, where Jenkins' checks-api plugin
     * is installed; does nothing otherwise.
     */
    void publishCheck(GateCheck check) throws IOException, InterruptedException;

    /** Adds the result to the job's trend index. */
    void addToTrend(ResultSummary summary) throws IOException;

    /**
     * Marks the step's node (so its stage) with the result and the message, and the build too when {@code wholeBuild}.
     * Never called with {@link Mark#NONE}.
     */
    void mark(Mark mark, boolean wholeBuild, String message) throws IOException, InterruptedException;
}
