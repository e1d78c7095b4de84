package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.docs.CardSection;
import io.mlgates.core.docs.Datasheet;
import io.mlgates.core.docs.DeclaredMetric;
import io.mlgates.core.docs.DocumentException;
import io.mlgates.core.docs.Explanation;
import io.mlgates.core.docs.FeatureList;
import io.mlgates.core.docs.Licences;
import io.mlgates.core.docs.ModelCard;
import io.mlgates.core.metrics.Metric;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.policy.Dataset;
import io.mlgates.core.policy.DocumentationPolicy;
import io.mlgates.core.policy.EthicsPolicy;
import io.mlgates.core.policy.RiskTier;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The ethics gate's checks on documentation, data licences and protected attributes. The risk tier decides which are
 * mandatory: a mandatory check without its file FAILs, an optional one is SKIPPED with the reason; a file that is
 * named is always checked. {@code docs/ethics.md} has the table.
 */
final class DocumentationChecks {
    /** The card sections each tier requires; a higher tier requires those of the lower ones too. */
    static final Map<RiskTier, Set<CardSection>> REQUIRED_SECTIONS = Map.of(
            RiskTier.MINIMAL, EnumSet.noneOf(CardSection.class),
            RiskTier.LIMITED, EnumSet.of(CardSection.INTENDED_USE, CardSection.OUT_OF_SCOPE_USES,
                    CardSection.CAVEATS, CardSection.OWNER_CONTACT),
            RiskTier.HIGH, EnumSet.allOf(CardSection.class));

    private final Workspace ws;
    private final String policyName;
    private final EthicsPolicy ethics;
    private final RiskTier tier;
    private final List<CheckResult> checks = new ArrayList<>();
    private Optional<ModelCard> card = Optional.empty();

    DocumentationChecks(Workspace ws, String policyName, EthicsPolicy ethics) {
        this.ws = ws;
        this.policyName = policyName;
        this.ethics = ethics;
        this.tier = ethics.riskTier();
    }

    /** Reads and checks the model card; its declared metrics are judged later, by {@link #metricClaims}. */
    List<CheckResult> modelCard() throws BadInputException {
        DocumentationPolicy docs = ethics.documentation();
        String name = docs.modelCard().orElse(DocumentationPolicy.MODEL_CARD);
        Path file = ws.resolve(name, policyName + " (ethics.documentation.modelCard)");
        boolean required = tier.atLeast(RiskTier.LIMITED);
        if (!Files.exists(file) && !required && docs.modelCard().isEmpty()) {
            add("docs:model_card", Status.SKIPPED, "no model card at " + name + "; not required at tier "
                    + tierName());
            return checks;
        }
        try {
            ModelCard read = ModelCard.read(file, ws.display(file));
            card = Optional.of(read);
            add("docs:model_card", Status.PASS, "model card " + ws.display(file) + " read");
            for (CardSection section : CardSection.values()) {
                boolean needed = REQUIRED_SECTIONS.get(tier).contains(section);
                String id = "docs:model_card:" + section.id();
                String unfilled = "the model card's " + section.title() + " section still holds the template's "
                        + ModelCard.TEMPLATE_MARKER + " text, so it counts as missing";
                if (!needed) {
                    if (read.isUnfilled(section)) {
                        add(id, Status.WARN, unfilled + ": fill it in, or delete the section (not required at"
                                + " tier " + tierName() + ")");
                    }
                    continue;
                }
                add(id, read.has(section) ? Status.PASS : Status.FAIL,
                        read.has(section) ? "the model card has its " + section.title() + " section"
                                : read.isUnfilled(section) ? unfilled + "; tier " + tierName() + " requires it"
                                : "the model card has no " + section.title() + " section with content, which tier "
                                + tierName() + " requires (a heading such as '## " + capitalised(section.title())
                                + "' followed by text)");
            }
        } catch (DocumentException e) {
            add("docs:model_card", Status.FAIL, e.getMessage() + (required ? "; tier " + tierName()
                    + " requires a model card" : ""));
        }
        return checks;
    }

    /** Whether the model card declares metric values, which the gate compares with the measured ones. */
    boolean cardDeclaresMetrics() {
        return card.map(c -> !c.declaredMetrics().isEmpty()).orElse(false);
    }

    /** Whether the model card declares a metric that needs every row's score (roc_auc, average_precision). */
    boolean cardDeclaresRankMetrics() {
        return card.map(c -> c.declaredMetrics().stream()
                .anyMatch(m -> Metric.named(m.name()).filter(Metric::needsRanks).isPresent())).orElse(false);
    }

    /** Each metric value the card declares against the value this run measured, within the card's rounding. */
    List<CheckResult> metricClaims(Map<String, MetricValue> measured) {
        List<CheckResult> out = new ArrayList<>();
        for (DeclaredMetric claim : card.map(ModelCard::declaredMetrics).orElse(List.of())) {
            String id = "docs:model_card:metric:" + claim.name();
            MetricValue value = measured.get(claim.name());
            String stated = claim.value().toPlainString();
            if (value == null) {
                out.add(check(id, Status.ERROR, Optional.of(claim.name()), OptionalDouble.empty(), "the model card"
                        + " declares " + claim.name() + " = " + stated + ", a metric this run does not measure;"
                        + " measured: " + String.join(", ", measured.keySet())));
            } else if (!value.isDefined()) {
                out.add(check(id, Status.ERROR, Optional.of(claim.name()), OptionalDouble.empty(), "the model card"
                        + " declares " + claim.name() + " = " + stated + " but on these predictions it is undefined: "
                        + value.undefinedReason().orElseThrow()));
            } else {
                double v = value.value().getAsDouble();
                boolean kept = claim.matches(v);
                out.add(check(id, kept ? Status.PASS : Status.FAIL, Optional.of(claim.name()), value.value(),
                        "the model card declares " + claim.name() + " = " + stated + "; measured "
                                + LimitRules.fmt(v) + (kept ? ", which rounds to it" : ", which is not within "
                                + "the card's rounding (±" + LimitRules.fmt(claim.tolerance()) + "): update the"
                                + " card or the model")));
            }
        }
        return out;
    }

    /** Datasheets and licences of the data sets, protected attributes, the explanation artefact. */
    List<CheckResult> dataAndModel() throws BadInputException {
        List<CheckResult> out = new ArrayList<>();
        List<Dataset> datasets = ethics.datasets();
        boolean limited = tier.atLeast(RiskTier.LIMITED);
        if (datasets.isEmpty()) {
            out.add(simple("docs:datasets", limited ? Status.FAIL : Status.SKIPPED, "no data sets are declared"
                    + " (ethics.datasets), so no licence or datasheet can be checked"
                    + (limited ? "; tier " + tierName() + " requires them" : "; not required at tier minimal")));
        }
        for (Dataset d : datasets) {
            Optional<String> problem = Licences.problem(d.licence(), ethics.licences().allow(),
                    ethics.licences().deny());
            out.add(simple("licence:" + d.name(), problem.isPresent() ? Status.FAIL : Status.PASS,
                    "data set '" + d.name() + "': " + problem.orElse("licence " + Licences.canonical(d.licence())
                            .orElse(d.licence()) + " is allowed")));
            out.add(datasheet(d, limited));
        }
        out.addAll(protectedAttributes());
        out.add(explanation());
        return out;
    }

    private CheckResult datasheet(Dataset d, boolean required) throws BadInputException {
        String id = "docs:datasheet:" + d.name();
        if (d.datasheet().isEmpty()) {
            return simple(id, required ? Status.FAIL : Status.SKIPPED, "data set '" + d.name() + "' has no"
                    + " datasheet (datasheet: in ethics.datasets)" + (required ? "; tier " + tierName()
                    + " requires one" : "; not required at tier minimal"));
        }
        Path file = ws.resolve(d.datasheet().get(), policyName + " (ethics.datasets: " + d.name() + ")");
        try {
            Datasheet sheet = Datasheet.read(file, ws.display(file));
            if (sheet.isEmpty()) {
                return simple(id, Status.FAIL, "the datasheet " + ws.display(file) + " of '" + d.name()
                        + "' is empty");
            }
            List<String> missing = sheet.missingSections();
            if (missing.isEmpty()) {
                return simple(id, Status.PASS, "datasheet " + ws.display(file) + " has every section of"
                        + " Datasheets for Datasets");
            }
            boolean high = tier.atLeast(RiskTier.HIGH);
            List<String> unfilled = sheet.unfilledSections();
            List<String> absent = missing.stream().filter(s -> !unfilled.contains(s)).toList();
            List<String> parts = new ArrayList<>(2);
            if (!absent.isEmpty()) {
                parts.add("has no " + String.join(", ", absent) + " section" + (absent.size() == 1 ? "" : "s"));
            }
            if (!unfilled.isEmpty()) {
                parts.add("still holds the template's " + ModelCard.TEMPLATE_MARKER + " text in its "
                        + String.join(", ", unfilled) + " section" + (unfilled.size() == 1 ? "" : "s")
                        + ", which count as missing");
            }
            return simple(id, high ? Status.FAIL : unfilled.isEmpty() ? Status.PASS : Status.WARN, "datasheet "
                    + ws.display(file) + " " + String.join(" and ", parts)
                    + (high ? ", which tier high requires" : " (required only at tier high)"));
        } catch (DocumentException e) {
            return simple(id, Status.FAIL, e.getMessage());
        }
    }

    private List<CheckResult> protectedAttributes() throws BadInputException {
        List<CheckResult> out = new ArrayList<>();
        List<String> listed = ethics.protectedAttributes();
        boolean high = tier.atLeast(RiskTier.HIGH);
        if (listed.isEmpty()) {
            out.add(simple("docs:protected_attributes", high ? Status.FAIL : Status.SKIPPED,
                    "no protected attributes are listed (ethics.protectedAttributes)" + (high
                            ? "; tier high requires the list, so that they can be kept out of the model's inputs"
                            : "; not required at tier " + tierName())));
            return out;
        }
        Optional<List<String>> features = features("docs:protected_attributes", out);
        if (features.isEmpty()) {
            return out;
        }
        for (String attribute : listed) {
            Optional<String> input = features.get().stream().filter(f -> f.equalsIgnoreCase(attribute)).findFirst();
            out.add(simple("docs:protected_attribute:" + attribute, input.isPresent() ? Status.FAIL : Status.PASS,
                    input.isPresent() ? "protected attribute '" + attribute + "' is an input of the model (feature '"
                            + input.get() + "' in " + featuresName() + ")"
                            : "protected attribute '" + attribute + "' is not among the model's "
                            + features.get().size() + " declared inputs"));
        }
        return out;
    }

    private CheckResult explanation() throws BadInputException {
        String id = "docs:explanation";
        Optional<String> named = ethics.documentation().explanation();
        boolean high = tier.atLeast(RiskTier.HIGH);
        if (named.isEmpty()) {
            return simple(id, high ? Status.FAIL : Status.SKIPPED, "no explanation artefact is named"
                    + " (ethics.documentation.explanation)" + (high ? "; tier high requires feature attributions"
                    + " or reason codes covering every input" : "; not required at tier " + tierName()));
        }
        Path file = ws.resolve(named.get(), policyName + " (ethics.documentation.explanation)");
        List<CheckResult> problems = new ArrayList<>();
        Optional<List<String>> features = features(id, problems);
        if (features.isEmpty()) {
            return problems.get(0);
        }
        try {
            Set<String> covered = Explanation.coveredFeatures(file, ws.display(file));
            List<String> missing = features.get().stream().filter(f -> !covered.contains(f)).toList();
            return missing.isEmpty()
                    ? simple(id, Status.PASS, ws.display(file) + " explains all " + features.get().size()
                    + " inputs of the model")
                    : simple(id, Status.FAIL, ws.display(file) + " does not explain " + missing.size() + " of the "
                    + features.get().size() + " inputs: " + String.join(", ", missing));
        } catch (DocumentException e) {
            return simple(id, Status.FAIL, e.getMessage());
        }
    }

    /** The declared features, or empty with an ERROR check added: without the list nothing can be compared. */
    private Optional<List<String>> features(String id, List<CheckResult> out) throws BadInputException {
        Path file = ws.resolve(featuresName(), policyName + " (ethics.documentation.features)");
        try {
            return Optional.of(FeatureList.read(file, ws.display(file)));
        } catch (DocumentException e) {
            out.add(simple(id, Status.ERROR, "the model's declared inputs cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private String featuresName() {
        return ethics.documentation().features().orElse(DocumentationPolicy.FEATURES);
    }

    private String tierName() {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void add(String id, Status status, String message) {
        checks.add(simple(id, status, message));
    }

    static CheckResult simple(String id, Status status, String message) {
        return check(id, status, Optional.empty(), OptionalDouble.empty(), message);
    }

    private static CheckResult check(String id, Status status, Optional<String> metric, OptionalDouble observed,
                                     String message) {
        return new CheckResult(id, status, metric, observed, Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), Optional.empty(), message);
    }
}
