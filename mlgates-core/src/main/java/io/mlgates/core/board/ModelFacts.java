package io.mlgates.core.board;

import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.Waiver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the board knows of one model before it is judged: gathered from the team registry and from the gates' own
 * indexes (a Jenkins job's index, or a repository's results folder), never by loading builds.
 *
 * @param model the model's name, as the registry knows it
 * @param team the team that owns it ({@code model.team} in its policy), when the policy names one
 * @param location where its gates run, as shown to people: a Jenkins job's full name or a repository folder; empty
 *     for a model the registry knows but no index was given for
 * @param locationLink a link to that place (a job page, relative to the Jenkins root), when there is one
 * @param promotion the road its policy sets: stages, groups, four-eyes rule, release train
 * @param trainName the name of its release train ({@code promotion.train.name}), when a stage rides one
 * @param waivers the waivers of its policy, in force or not
 * @param registry what the team registry holds for it
 * @param candidate the latest candidate its gates judged, when any did
 * @param pending promotions of that candidate that wait for decisions, where people can approve or reject
 */
public record ModelFacts(String model, Optional<String> team, Optional<String> location,
                         Optional<String> locationLink, PromotionPolicy promotion, Optional<String> trainName,
                         List<Waiver> waivers, RegistryFacts registry, Optional<LatestCandidate> candidate,
                         List<PendingDecision> pending) {
    public ModelFacts {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(locationLink, "locationLink");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(trainName, "trainName");
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(candidate, "candidate");
        pending = List.copyOf(pending);
        if (model.isBlank()) {
            throw new IllegalArgumentException("a model has a name");
        }
    }
}
