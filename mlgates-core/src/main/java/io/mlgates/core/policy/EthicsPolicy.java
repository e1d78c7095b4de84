package io.mlgates.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * What the ethics gate judges: fairness across groups, documentation, data licences and protected attributes,
 * with the risk tier deciding which of them are mandatory.
 *
 * @param riskTier the model's risk tier
 * @param fairness groups, intersections and disparity limits
 * @param documentation where the model card, feature list and explanation are
 * @param protectedAttributes attributes that must not be inputs of the model (from its declared feature list)
 * @param datasets the data sets used, each with its licence and datasheet
 * @param licences which licences are acceptable
 */
public record EthicsPolicy(RiskTier riskTier, FairnessPolicy fairness, DocumentationPolicy documentation,
                           List<String> protectedAttributes, List<Dataset> datasets, LicencePolicy licences) {
    public EthicsPolicy {
        Objects.requireNonNull(riskTier, "riskTier");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(documentation, "documentation");
        protectedAttributes = List.copyOf(protectedAttributes);
        datasets = List.copyOf(datasets);
        Objects.requireNonNull(licences, "licences");
    }

    /** Tier minimal, no groups, documentation at its conventional places, no data sets, the built-in licences. */
    public static EthicsPolicy defaults() {
        return new EthicsPolicy(RiskTier.MINIMAL, FairnessPolicy.defaults(), DocumentationPolicy.defaults(),
                List.of(), List.of(), LicencePolicy.defaults());
    }
}
