package io.mlgates.core.pack;

import static io.mlgates.core.pack.Evidence.APPROVALS;
import static io.mlgates.core.pack.Evidence.ATTESTATIONS;
import static io.mlgates.core.pack.Evidence.AUDIT;
import static io.mlgates.core.pack.Evidence.BASELINE;
import static io.mlgates.core.pack.Evidence.BOM;
import static io.mlgates.core.pack.Evidence.CHECKS;
import static io.mlgates.core.pack.Evidence.DATASHEETS;
import static io.mlgates.core.pack.Evidence.DOCUMENTATION;
import static io.mlgates.core.pack.Evidence.FAIRNESS;
import static io.mlgates.core.pack.Evidence.MANIFEST;
import static io.mlgates.core.pack.Evidence.METRICS;
import static io.mlgates.core.pack.Evidence.POLICY;
import static io.mlgates.core.pack.Evidence.REPORT;
import static io.mlgates.core.pack.Evidence.ROBUSTNESS;
import static io.mlgates.core.pack.Evidence.SIGNATURE;
import static io.mlgates.core.pack.Evidence.TEST_DATA;
import static io.mlgates.core.pack.Evidence.TEST_LOGS;
import static io.mlgates.core.pack.Evidence.WAIVERS;

import java.util.List;

/**
 * The items of the EU AI Act's Annex IV point 2(g) and of the NIST AI RMF's MEASURE function that the gates' evidence
 * answers, each with the kinds of evidence that answer it (docs/evidence-pack.md explains the choice). Items are
 * paraphrased; the index names their source.
 */
final class Frameworks {
    private Frameworks() {
    }

    /** An item of a regulation or framework and the evidence that answers it. */
    record Item(String id, String asks, List<Evidence> answeredBy) {
        Item(String id, String asks, Evidence... answeredBy) {
            this(id, asks, List.of(answeredBy));
        }
    }

    record Framework(String id, String title, String note, List<Item> items, List<String> notCovered) {
    }

    static final Framework ANNEX_IV_2G = new Framework("eu-ai-act-annex-iv-2g",
            "EU AI Act, Annex IV, point 2(g)",
            "Regulation (EU) 2024/1689, Annex IV (technical documentation), point 2(g): the validation and testing"
                    + " procedures, split into the items it names.",
            List.of(
                    new Item("2(g) procedures", "the validation and testing procedures used", POLICY, CHECKS,
                            REPORT),
                    new Item("2(g) data", "information about the validation and testing data used and their main"
                            + " characteristics", TEST_DATA, DATASHEETS, BOM),
                    new Item("2(g) accuracy", "metrics used to measure accuracy", METRICS, CHECKS),
                    new Item("2(g) robustness", "metrics used to measure robustness", ROBUSTNESS, BASELINE),
                    new Item("2(g) other requirements", "metrics used to measure compliance with other relevant"
                            + " requirements of Chapter III, Section 2", DOCUMENTATION, WAIVERS),
                    new Item("2(g) discrimination", "potentially discriminatory impacts", FAIRNESS, WAIVERS),
                    new Item("2(g) test logs", "test logs", TEST_LOGS, AUDIT),
                    new Item("2(g) test reports", "all test reports dated and signed by the responsible persons",
                            REPORT, ATTESTATIONS, APPROVALS, MANIFEST, SIGNATURE),
                    new Item("2(g) predetermined changes", "test reports with regard to predetermined changes"
                            + " (point 2(f))", BASELINE, AUDIT)),
            List.of());

    static final Framework NIST_MEASURE = new Framework("nist-ai-rmf-measure",
            "NIST AI RMF 1.0, MEASURE function",
            "NIST AI 100-1 (2023), the MEASURE subcategories that a model's gates answer; each is paraphrased.",
            List.of(
                    new Item("MEASURE 1.1", "approaches and metrics for the risks mapped are selected and"
                            + " documented", POLICY, METRICS),
                    new Item("MEASURE 2.1", "test sets, metrics and details of the tools used in testing are"
                            + " documented", TEST_DATA, CHECKS, BOM),
                    new Item("MEASURE 2.3", "performance is measured and shown for conditions like those of"
                            + " deployment, and documented", METRICS, ROBUSTNESS),
                    new Item("MEASURE 2.5", "the system is shown to be valid and reliable; the limits of its"
                            + " generalisation are documented", CHECKS, BASELINE, DOCUMENTATION),
                    new Item("MEASURE 2.8", "risks of transparency and accountability are examined and documented",
                            AUDIT, APPROVALS, ATTESTATIONS, SIGNATURE),
                    new Item("MEASURE 2.9", "the model is explained, validated and documented", DOCUMENTATION),
                    new Item("MEASURE 2.11", "fairness and bias are evaluated and the results documented", FAIRNESS,
                            WAIVERS),
                    new Item("MEASURE 3.1", "existing and emergent risks are tracked, for example in deployment",
                            ROBUSTNESS, BASELINE),
                    new Item("MEASURE 4.2", "measurement results are informed by domain experts and the AI actors"
                            + " concerned, and documented", APPROVALS, WAIVERS),
                    new Item("MEASURE 4.3", "improvements or declines in performance are identified and"
                            + " documented", BASELINE, REPORT)),
            List.of("MEASURE 1.2", "MEASURE 1.3", "MEASURE 2.2", "MEASURE 2.4", "MEASURE 2.6", "MEASURE 2.7",
                    "MEASURE 2.10", "MEASURE 2.12", "MEASURE 2.13", "MEASURE 3.2", "MEASURE 3.3", "MEASURE 4.1"));

    static final List<Framework> ALL = List.of(ANNEX_IV_2G, NIST_MEASURE);
}
