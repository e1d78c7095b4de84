package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The organisation's floor for the ethics gate: a file of the policy format that sets only {@code ethics}. A model
 * policy may tighten it and never loosen it; what a model policy leaves out it inherits. Per key:
 *
 * <ul>
 *   <li>{@code riskTier}: the model's tier may be higher, not lower;</li>
 *   <li>{@code fairness.sensitive}, {@code intersections}, {@code protectedAttributes}, {@code licences.deny}: the
 *       model's list adds to the organisation's (the two are joined), so leaving an entry out cannot remove it;</li>
 *   <li>{@code licences.allow}: the model's list must lie within the organisation's (it may remove);</li>
 *   <li>{@code fairness.minGroupSize}: the model's may be smaller (more groups judged), not larger;</li>
 *   <li>{@code fairness.favourable}, {@code missing} and {@code reference}: the model must not change what the
 *   organisation set;</li>
 *   <li>{@code fairness.limits}: a model limit on a metric the organisation limits, for an attribute both cover, must
 *       be at least as strict (min not lower, max not higher, {@code fail} not {@code warn}, {@code estimate} not
 *       {@code interval}); the organisation's limits apply besides the model's;</li>
 *   <li>{@code documentation}: the organisation's paths are defaults the model may change;
 *       {@code datasets} belong to a model and may not be set by the organisation.</li>
 * </ul>
 *
 * A loosening is a {@link PolicyProblem} at the model policy's key that names the organisation file, line and column.
 */
public final class OrganisationPolicy {
    private final String file;
    private final String digest;
    private final PolicyDocument document;
    private final JsonNode root;
    private final EthicsPolicy ethics;
    private final Optional<Path> allowedSigners;

    OrganisationPolicy(String file, String digest, PolicyDocument document, JsonNode root, EthicsPolicy ethics,
                       Optional<Path> allowedSigners) {
        this.file = file;
        this.digest = digest;
        this.document = document;
        this.root = root;
        this.ethics = ethics;
        this.allowedSigners = allowedSigners;
    }

    /** The file and its digest, as results name them. */
    public OrganisationRef ref() {
        return new OrganisationRef(file, digest);
    }

    public EthicsPolicy ethics() {
        return ethics;
    }

    /**
     * The allowed-signers file that verifies approvers' identities ({@code identity.allowedSigners}), resolved against
     * the organisation policy's folder; empty when the policy names none.
     */
    public Optional<Path> allowedSigners() {
        return allowedSigners;
    }

    /** A model's policy may not name who verifies identities: that would let a repository vouch for itself. */
    static void checkModelKeys(PolicyDocument document, JsonNode root, Problems problems) {
        if (root.has("identity")) {
            problems.add(document.keyAt("/identity"), "identity belongs in the organisation policy, not in a model's"
                    + " mlgates.yaml: a repository may not choose who verifies its approvers");
        }
    }

    /** Keys an organisation policy may not set: everything but version, ethics and identity, and a model's data sets. */
    static void checkOwnKeys(PolicyDocument document, JsonNode root, Problems problems) {
        root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("version") && !key.equals("ethics") && !key.equals("identity")) {
                problems.add(document.keyAt("/" + key), "an organisation policy sets only 'ethics'; '" + Texts.clip(key)
                        + "' belongs in each model's mlgates.yaml");
            }
        });
        if (root.path("ethics").has("datasets")) {
            problems.add(document.keyAt("/ethics/datasets"), "an organisation policy cannot name data sets; each"
                    + " model declares its own under ethics.datasets (the licence lists apply to them)");
        }
    }

    /** The model's policy with the organisation's floor applied; every loosening is added to {@code problems}. */
    Policy applyTo(Policy model, Optional<PolicyDocument> modelDocument, JsonNode modelRoot, Problems problems) {
        Check c = new Check(modelDocument, problems);
        EthicsPolicy m = model.ethics();
        JsonNode me = modelRoot.path("ethics");

        RiskTier tier = m.riskTier();
        if (!me.has("riskTier")) {
            tier = ethics.riskTier();
        } else if (root.path("ethics").has("riskTier") && !m.riskTier().atLeast(ethics.riskTier())) {
            c.loosens("/riskTier", "ethics.riskTier '" + lower(m.riskTier()) + "' is lower than '"
                    + lower(ethics.riskTier()) + "'");
        }

        FairnessPolicy mf = m.fairness();
        FairnessPolicy of = ethics.fairness();
        JsonNode mfNode = me.path("fairness");
        List<String> sensitive = c.union(mf.sensitive(), of.sensitive());
        List<List<String>> intersections = c.union(mf.intersections(), of.intersections());
        int minGroupSize = mf.minGroupSize();
        if (!mfNode.has("minGroupSize")) {
            minGroupSize = of.minGroupSize();
        } else if (orgHas("/ethics/fairness/minGroupSize") && mf.minGroupSize() > of.minGroupSize()) {
            c.loosens("/fairness/minGroupSize", "ethics.fairness.minGroupSize " + mf.minGroupSize()
                    + " is larger than " + of.minGroupSize() + " (larger groups only: fewer groups judged)");
        }
        Favourable favourable = mf.favourable();
        if (!mfNode.has("favourable")) {
            favourable = of.favourable();
        } else if (orgHas("/ethics/fairness/favourable") && favourable != of.favourable()) {
            c.loosens("/fairness/favourable", "ethics.fairness.favourable '" + lower(favourable) + "' differs from '"
                    + lower(of.favourable()) + "'");
        }
        MissingValues missing = mf.missing();
        if (!mfNode.has("missing")) {
            missing = of.missing();
        } else if (orgHas("/ethics/fairness/missing") && missing != of.missing()) {
            c.loosens("/fairness/missing", "ethics.fairness.missing '" + lower(missing) + "' differs from '"
                    + lower(of.missing()) + "'");
        }
        Map<String, String> reference = new LinkedHashMap<>(of.reference());
        mf.reference().forEach((attribute, group) -> {
            String set = of.reference().get(attribute);
            if (set != null && !set.equals(group)) {
                c.loosens("/fairness/reference/" + Pointers.child("", attribute).substring(1),
                        "ethics.fairness.reference of '" + Texts.clip(attribute) + "' is '" + Texts.clip(group)
                                + "', not '" + Texts.clip(set) + "'");
            }
            reference.put(attribute, group);
        });
        List<FairnessLimit> limits = new ArrayList<>(mf.limits());
        for (int o = 0; o < of.limits().size(); o++) {
            FairnessLimit floor = of.limits().get(o);
            boolean covered = false;
            for (int i = 0; i < mf.limits().size(); i++) {
                FairnessLimit limit = mf.limits().get(i);
                if (!limit.metric().equals(floor.metric()) || !overlaps(limit, floor)) {
                    continue;
                }
                Optional<String> looser = looser(limit, floor);
                if (looser.isPresent()) {
                    c.loosens("/fairness/limits/" + i, "ethics.fairness.limits[" + i + "] on " + limit.metric() + " "
                            + looser.get(), "/ethics/fairness/limits/" + o);
                } else if (covers(limit, floor)) {
                    covered = true;
                }
            }
            if (!covered) {
                limits.add(floor);
            }
        }

        DocumentationPolicy md = m.documentation();
        DocumentationPolicy od = ethics.documentation();
        DocumentationPolicy documentation = new DocumentationPolicy(md.modelCard().or(od::modelCard),
                md.features().or(od::features), md.explanation().or(od::explanation));
        List<String> protectedAttributes = c.union(m.protectedAttributes(), ethics.protectedAttributes());
        LicencePolicy ml = m.licences();
        LicencePolicy ol = ethics.licences();
        Optional<List<String>> allow = ml.allow().isEmpty() ? ol.allow() : ml.allow();
        if (ml.allow().isPresent() && ol.allow().isPresent()) {
            for (int i = 0; i < ml.allow().get().size(); i++) {
                String id = ml.allow().get().get(i);
                if (ol.allow().get().stream().noneMatch(id::equalsIgnoreCase)) {
                    c.loosens("/licences/allow/" + i, "ethics.licences.allow adds '" + Texts.clip(id) + "'",
                            "/ethics/licences/allow");
                }
            }
        }
        List<String> deny = c.union(ml.deny(), ol.deny());

        FairnessPolicy fairness = new FairnessPolicy(sensitive, intersections, favourable, minGroupSize, reference,
                limits, missing);
        return model.withEthics(new EthicsPolicy(tier, fairness, documentation, protectedAttributes, m.datasets(),
                new LicencePolicy(allow, deny)));
    }

    private boolean orgHas(String pointer) {
        return !root.at(pointer).isMissingNode();
    }

    private static boolean overlaps(FairnessLimit a, FairnessLimit b) {
        return a.attributes().isEmpty() || b.attributes().isEmpty()
                || a.attributes().stream().anyMatch(b.attributes()::contains);
    }

    /** Whether the model's limit applies wherever the organisation's does. */
    private static boolean covers(FairnessLimit model, FairnessLimit floor) {
        return model.attributes().isEmpty() || (!floor.attributes().isEmpty()
                && model.attributes().containsAll(floor.attributes()))
                && (floor.min().isEmpty() || model.min().isPresent())
                && (floor.max().isEmpty() || model.max().isPresent());
    }

    /** How the model's limit is looser than the organisation's, if it is. */
    private static Optional<String> looser(FairnessLimit model, FairnessLimit floor) {
        if (lower(model.min(), floor.min())) {
            return Optional.of("has min " + model.min().getAsDouble() + ", below " + floor.min().getAsDouble());
        }
        if (lower(floor.max(), model.max())) {
            return Optional.of("has max " + model.max().getAsDouble() + ", above " + floor.max().getAsDouble());
        }
        if (model.severity() == Severity.WARN && floor.severity() == Severity.FAIL) {
            return Optional.of("has severity warn, where the organisation fails");
        }
        if (model.judge() == FairnessJudge.INTERVAL && floor.judge() == FairnessJudge.ESTIMATE) {
            return Optional.of("judges the interval, where the organisation judges the estimate");
        }
        return Optional.empty();
    }

    /** Both present and the first below the second. */
    private static boolean lower(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() && a.getAsDouble() < b.getAsDouble();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Records loosenings against the model's ethics section. */
    private final class Check {
        private final Optional<PolicyDocument> modelDocument;
        private final Problems problems;

        Check(Optional<PolicyDocument> modelDocument, Problems problems) {
            this.modelDocument = modelDocument;
            this.problems = problems;
        }

        void loosens(String modelPointer, String what) {
            loosens(modelPointer, what, "/ethics" + modelPointer);
        }

        void loosens(String modelPointer, String what, String orgPointer) {
            SourcePosition at = modelDocument.map(d -> d.valueAt("/ethics" + modelPointer))
                    .orElse(SourcePosition.UNKNOWN);
            SourcePosition there = document.valueAt(orgPointer);
            String where = file + (there.line() > 0 ? ":" + there.line() + ":" + there.column() : "");
            problems.add(at, what + ", which loosens the organisation policy " + where + "; a model policy may"
                    + " tighten the organisation policy, never loosen it");
        }

        /** The model's list joined with the organisation's: an entry the model leaves out is still there. */
        <T> List<T> union(List<T> model, List<T> floor) {
            LinkedHashSet<T> joined = new LinkedHashSet<>(model);
            joined.addAll(floor);
            return List.copyOf(joined);
        }
    }
}
