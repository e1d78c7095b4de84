package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.release.CurrentPolicy;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.TrendEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence and rules of a promotion, on the controller. Gathering finds, for the candidate this build's gates
 * judged, one result per gate the stage needs: from this build (every result id; the worst of several speaks), else
 * from the newest earlier build that has one, found through the job's trend index without loading any build. Loading
 * reads each referenced result file again and checks it against the digest the controller took when it stored it, and
 * loads the policy file kept with the build under the organisation policy in force; the core then checks every result's
 * candidate and policy digests against these.
 */
public final class PromotionInputs {
    private static final String KEPT = " kept with build #";

    private final Path buildsFolder;
    private final Optional<OrganisationPolicy> organisation;

    /**
     * @param buildsFolder the job's builds folder, holding one folder per build number
     * @param organisation the organisation policy set in Manage Jenkins, when there is one
     */
    public PromotionInputs(Path buildsFolder, Optional<OrganisationPolicy> organisation) {
        this.buildsFolder = Objects.requireNonNull(buildsFolder, "buildsFolder");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
    }

    /** What the step was asked, besides what it finds. */
    public record Ask(String id, String stage, String actor, String author, Optional<String> starter,
                      Optional<String> source, String buildUrl, Optional<String> emergencyReason) {
        public Ask {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(starter, "starter");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(buildUrl, "buildUrl");
            Objects.requireNonNull(emergencyReason, "emergencyReason");
        }
    }

    /**
     * @param build this build's number
     * @param results this build's gate results, in the order they ran
     * @param index the job's trend index, oldest first
     * @throws BadInputException when there is nothing to promote: no gate ran, the policy is not kept, no such stage
     */
    public PendingPromotion gather(Ask ask, int build, List<ResultSummary> results, List<TrendEntry> index)
            throws BadInputException {
        if (results.isEmpty()) {
            throw new BadInputException("mlPromote", 0, 0, "no gate ran in this build, so there is no candidate to"
                    + " promote: call mlValidate (and mlEthicsGate) before mlPromote");
        }
        ResultSummary newest = results.get(results.size() - 1);
        String candidate = newest.getCandidate();
        EvidenceRef policyRef = new EvidenceRef(newest.getGate(), build, newest.getId(), newest.getResultDigest());
        LoadedPolicy policy = policy(policyRef, read(policyRef));
        StagePolicy stage = policy.policy().promotion().stage(ask.stage()).orElseThrow(() -> new BadInputException(
                "to", 0, 0, "no stage '" + ask.stage() + "' in " + policy.fileName().orElse("the default policy")
                + "; the stages are " + String.join(", ", policy.policy().promotion().stages().stream()
                .map(StagePolicy::name).toList())));
        List<EvidenceRef> evidence = new ArrayList<>();
        for (String gate : stage.gates()) {
            worst(results.stream().filter(r -> r.getGate().equals(gate) && r.getCandidate().equals(candidate))
                    .map(r -> new Found(build, r.getId(), r.getResultDigest(), r.getStatus())).toList(), gate)
                    .or(() -> earlier(index, build, gate, candidate)).ifPresent(evidence::add);
        }
        return new PendingPromotion(ask.id(), stage.name(), candidate, evidence, policyRef, ask.actor(),
                ask.author(), ask.starter().orElse(null), ask.source().orElse(null), ask.buildUrl(),
                ask.emergencyReason().orElse(null), new VerifiedApprovers());
    }

    private record Found(int build, String id, String digest, String status) {
    }

    private static Optional<EvidenceRef> worst(List<Found> found, String gate) {
        return found.stream().min(Comparator.comparing((Found f) -> Status.valueOf(f.status()), Status.WORST_FIRST))
                .map(f -> new EvidenceRef(gate, f.build(), f.id(), f.digest()));
    }

    /** The newest earlier build with a result of the gate for the candidate, and its worst such result. */
    private static Optional<EvidenceRef> earlier(List<TrendEntry> index, int build, String gate, String candidate) {
        List<TrendEntry> matching = index.stream().filter(e -> e.getBuild() < build)
                .filter(e -> e.evidence().map(ev -> ev.gate().equals(gate) && ev.candidate().equals(candidate))
                        .orElse(false)).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        int newest = matching.stream().mapToInt(TrendEntry::getBuild).max().getAsInt();
        return worst(matching.stream().filter(e -> e.getBuild() == newest).map(e -> new Found(newest, e.getId(),
                e.evidence().orElseThrow().resultDigest(), e.getStatus())).toList(), gate);
    }

    /** The request to judge: the referenced results and policy read again and checked. */
    public PromotionRequest load(PendingPromotion p) throws BadInputException {
        GateResult policyResult = read(p.policy());
        if (!policyResult.candidate().digest().equals(p.candidate())) {
            throw new BadInputException(shown(p.policy()), 0, 0, "judged candidate "
                    + policyResult.candidate().digest() + ", not the promotion's " + p.candidate());
        }
        LoadedPolicy policy = policy(p.policy(), policyResult);
        Map<String, GateResult> results = new LinkedHashMap<>();
        for (EvidenceRef ref : p.evidence()) {
            GateResult result = read(ref);
            if (!result.gate().equals(ref.gate())) {
                throw new BadInputException(shown(ref), 0, 0, "holds a result of gate '" + result.gate() + "', not '"
                        + ref.gate() + "'");
            }
            results.put(ref.gate(), result);
        }
        return new PromotionRequest(policy.policy().modelName(), policyResult.candidate(),
                policy.policy().promotion(), p.stage(), results, p.actor(), p.author(),
                p.source().orElse(policy.policy().artifacts()), Optional.of(p.buildUrl()), p.emergencyReason(),
                new CurrentPolicy(policy.fileName().orElse("default policy"), policy.digest(),
                        policy.organisation()));
    }

    private static String shown(EvidenceRef ref) {
        return "build #" + ref.build() + " " + StoredResults.FOLDER + "/" + ref.id() + ".json";
    }

    /** A stored result, checked against the digest the controller took when it stored it. */
    GateResult read(EvidenceRef ref) throws BadInputException {
        Path dir = buildsFolder.resolve(Integer.toString(ref.build()));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(StoredResults.file(dir, ref.id()));
        } catch (NoSuchFileException e) {
            throw new BadInputException(shown(ref), 0, 0, "is gone (the build was deleted?); run the gate again");
        } catch (IOException e) {
            throw new BadInputException(shown(ref), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        String digest = ResultSummary.digest(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        if (!digest.equals(ref.resultDigest())) {
            throw new BadInputException(shown(ref), 0, 0, "changed since the controller stored it: its digest is "
                    + digest + ", the controller took " + ref.resultDigest() + "; it is no evidence");
        }
        return new GateResultJson().read(bytes, shown(ref));
    }

    /** The policy the result was judged under, as kept with its build, under the organisation policy in force. */
    private LoadedPolicy policy(EvidenceRef ref, GateResult result) throws BadInputException {
        PolicyLoader loader = organisation.map(PolicyLoader::new).orElseGet(PolicyLoader::new);
        Path file = StoredResults.policyFile(buildsFolder.resolve(Integer.toString(ref.build())), ref.id());
        String shown = result.policyFile().orElse("mlgates.yaml") + KEPT + ref.build();
        if (result.policyDigest().equals(LoadedPolicy.EMPTY_DIGEST) && result.policyFile().isEmpty()) {
            return loader.defaults(result.modelName());
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(shown, 0, 0, "the policy file the " + result.gate() + " result '" + ref.id()
                    + "' was judged under was not kept with the build (the agent sent none); run the gate again");
        }
        LoadedPolicy loaded = loader.load(file, shown, result.modelName());
        if (!loaded.digest().equals(result.policyDigest())) {
            throw new BadInputException(shown, 0, 0, "its digest " + loaded.digest() + " is not the result's policy"
                    + " digest " + result.policyDigest());
        }
        return loaded;
    }
}
