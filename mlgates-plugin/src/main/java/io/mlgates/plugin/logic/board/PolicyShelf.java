package io.mlgates.plugin.logic.board;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.policy.Waiver;
import io.mlgates.plugin.logic.Bounds;
import io.mlgates.plugin.logic.StoredResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Models' policies as the board reads them, by digest: from the job's copy named by that digest
 * ({@link PolicyCopies}), else from the copy the build of the model's newest line kept beside its result (gates that
 * ran before job-level copies were kept). Read once per digest and kept, bounded: a digest names one content, so an
 * entry never goes stale. A digest whose copy is missing is not kept, so a copy that appears later is found.
 */
final class PolicyShelf {
    /**
     * What the board reads of a policy.
     *
     * @param team {@code model.team}, when set
     * @param trainName the release train's name, when a stage rides it
     */
    record PolicyFacts(Optional<String> team, Optional<String> trainName, PromotionPolicy promotion,
                       List<Waiver> waivers) {
        PolicyFacts {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(trainName, "trainName");
            Objects.requireNonNull(promotion, "promotion");
            waivers = List.copyOf(waivers);
        }

        static PolicyFacts of(Policy policy) {
            PromotionPolicy road = policy.promotion();
            boolean rides = road.stages().stream().anyMatch(StagePolicy::train);
            return new PolicyFacts(policy.team(), rides ? road.train().map(ReleaseTrain::name) : Optional.empty(),
                    road, policy.waivers());
        }
    }

    /** A policy read, or why it could not be: exactly one is present. */
    record Shelved(Optional<PolicyFacts> facts, Optional<String> problem) {
        Shelved {
            if (facts.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("a policy is read or has a problem");
            }
        }
    }

    private static final Shelved DEFAULTS = new Shelved(Optional.of(PolicyFacts.of(Policy.defaults("model"))),
            Optional.empty());

    private final Cache<String, Shelved> cache;

    PolicyShelf(long maxPolicies) {
        this.cache = CacheBuilder.newBuilder().maximumSize(maxPolicies).build();
    }

    long size() {
        cache.cleanUp();
        return cache.size();
    }

    /**
     * The policy of a model's newest line in a job.
     *
     * @param model the model, for messages
     */
    Shelved policy(JobRef job, String model, JobModels.Latest latest) {
        String digest = latest.policyDigest();
        if (digest.equals(LoadedPolicy.EMPTY_DIGEST)) {
            return DEFAULTS; // judged without a policy file, or with an empty one: every default
        }
        Shelved kept = cache.getIfPresent(digest);
        if (kept != null) {
            return kept;
        }
        String about = "job '" + job.fullName() + "', model '" + Bounds.text(model, Bounds.NAME) + "': ";
        Optional<Path> copy = PolicyCopies.in(job.buildsFolder()).file(digest);
        if (copy.isEmpty()) {
            return problem(about + "its newest result names the policy digest '" + Bounds.text(digest, Bounds.NAME)
                    + "', which is not a SHA-256 digest; the model is left off the board");
        }
        Path withBuild = StoredResults.policyFile(job.buildsFolder().resolve(Integer.toString(latest.build())),
                latest.policyResult());
        for (Path file : List.of(copy.get(), withBuild)) {
            Shelved read = load(file, digest, about);
            if (read != null) {
                cache.put(digest, read);
                return read;
            }
        }
        return problem(about + "the policy " + digest + " that judged build #" + latest.build() + " has no intact"
                + " copy (neither " + PolicyCopies.FOLDER + "/ nor the build's " + StoredResults.FOLDER + "/"
                + latest.policyResult() + ".policy.yaml); without its stages, approvers and train the model is left"
                + " off the board until a gate judges it again");
    }

    /** The policy in the file when its bytes have the digest; null when it is missing or has other bytes. */
    private static Shelved load(Path file, String digest, String about) {
        try {
            if (PolicyCopies.intact(file, digest).isEmpty()) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        try {
            LoadedPolicy loaded = new PolicyLoader().load(file, file.getFileName().toString(), "model");
            return loaded.digest().equals(digest) ? new Shelved(Optional.of(PolicyFacts.of(loaded.policy())),
                    Optional.empty()) : null;
        } catch (BadInputException e) {
            // the same bytes fail the same way: kept, as a policy read is
            return problem(about + "the policy " + digest + " cannot be read by this version of the plugin: "
                    + Bounds.text(String.valueOf(e.getMessage()), Bounds.MESSAGE) + "; the model is left off the"
                    + " board");
        }
    }

    private static Shelved problem(String message) {
        return new Shelved(Optional.empty(), Optional.of(message));
    }
}
