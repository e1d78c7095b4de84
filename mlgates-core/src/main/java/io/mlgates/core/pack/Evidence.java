package io.mlgates.core.pack;

/** The kinds of evidence an evidence pack may hold, each said once here and mapped to the items it answers. */
enum Evidence {
    POLICY("the policy that states the procedure: every limit, slice, fairness rule and waiver (its digest is the"
            + " one the results name)"),
    CHECKS("every check the gates ran: its limit, observed value, confidence interval and status"),
    TEST_DATA("the data judged: rows, classes, each input file by SHA-256 (the results' data and inputs)"),
    DATASHEETS("the data sets' datasheets (Gebru et al.)"),
    METRICS("accuracy and the other metrics with confidence intervals, overall, per slice and per group"),
    ROBUSTNESS("drift of the inputs against the training data, and metrics per slice"),
    DOCUMENTATION("model card, datasheets, licences, protected attributes and explanation, as the ethics gate"
            + " checked them"),
    FAIRNESS("per-group rates and disparities with intervals, groups too small to judge"),
    WAIVERS("explicit waivers, each with its reason, approver and expiry"),
    BASELINE("the comparison with the model in production (the baseline)"),
    TEST_LOGS("test logs: JUnit XML, one test case per check"),
    REPORT("the dated HTML report of the verdicts"),
    BOM("the ML-BOM (CycloneDX 1.6): model files by digest, metrics, data sets, results"),
    ATTESTATIONS("signed in-toto attestations of the verdicts (DSSE envelopes)"),
    AUDIT("the registry's audit chain entries for this candidate, the chain head and its verification"),
    APPROVALS("approvals and rejections recorded by named persons (declared or verified identities)"),
    MANIFEST("the SHA-256 of every file of this pack"),
    SIGNATURE("the manifest's signature");

    private final String what;

    Evidence(String what) {
        this.what = what;
    }

    String what() {
        return what;
    }

    /** The name the index's JSON uses: {@code test_data}. */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
