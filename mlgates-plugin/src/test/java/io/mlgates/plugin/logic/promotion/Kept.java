package io.mlgates.plugin.logic.promotion;

import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.TrendIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A job's builds folder as the controller keeps it: results and policy beside build.xml, the trend index beside. */
final class Kept {
    /** The road of {@link Road}, as a policy file: two approvals from risk, the train, the emergency path. */
    static final String POLICY = """
            promotion:
              groups:
                risk: [alice, Carol, release-managers]
              stages:
                - name: staging
                  gates: [validate]
                - name: production
                  gates: [validate, ethics]
                  approvals: {group: risk, quorum: 2, expiresAfter: 7d}
                  train: true
              train:
                timeZone: Europe/Berlin
                departures:
                  - {day: tuesday, time: "14:00"}
                window: 2h
                cutoff: 2h
                freezes:
                  - {from: 2026-12-07, until: 2026-12-10, reason: payments migration}
              emergency: {quorum: 3}
            """;
    static final String POLICY_DIGEST = PolicyLoader.digest(POLICY.getBytes(StandardCharsets.UTF_8));

    private final Path builds;

    Kept(Path builds) {
        this.builds = builds;
    }

    Path builds() {
        return builds;
    }

    /** Stores the result as a gate step does: JSON, the policy file, and a line in the job's index. */
    ResultSummary store(int build, String id, GateResult result) throws Exception {
        Path dir = builds.resolve(Integer.toString(build));
        String json = new GateResultJson().toJson(result);
        StoredResults.write(dir, id, json);
        StoredResults.writePolicy(dir, id, POLICY);
        ResultSummary summary = ResultSummary.of(id, result, 0, List.of());
        TrendIndex.in(builds).append(build, summary);
        return summary;
    }
}
