package io.mlgates.plugin.logic.board;

import io.mlgates.core.gate.Status;
import io.mlgates.plugin.logic.TrendEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one job's trend index says of each model its gates judged: the newest candidate and the results for it. Built
 * from the index alone; kept while the index file keeps its identity.
 *
 * @param models by name
 * @param linesWithoutModel lines written before the index named models (the board cannot place them)
 */
record JobModels(Map<String, Latest> models, int linesWithoutModel) {
    JobModels {
        models = Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /**
     * A model's newest candidate in the job.
     *
     * @param candidate the candidate's digest: the one the newest line of the model's newest build names
     * @param build that build
     * @param policyDigest the policy that newest line was judged under
     * @param policyResult the id of that line's result, whose build keeps the policy beside it
     * @param keptAt when the controller kept that line's result
     * @param results for each gate, the results for the candidate of the newest build that ran it, as promotion
     *     gathers its evidence; by build, then in the order they were kept
     */
    record Latest(String candidate, int build, String policyDigest, String policyResult, Instant keptAt,
                  List<Result> results) {
        Latest {
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(policyDigest, "policyDigest");
            Objects.requireNonNull(policyResult, "policyResult");
            Objects.requireNonNull(keptAt, "keptAt");
            results = List.copyOf(results);
        }
    }

    /** One gate result for a model's newest candidate. */
    record Result(String gate, String id, Status status, int build, Instant keptAt) {
        Result {
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(keptAt, "keptAt");
        }
    }

    /** Groups the index's entries, in the order they were appended, by model. */
    static JobModels of(List<TrendEntry> entries) {
        Map<String, List<TrendEntry>> byModel = new LinkedHashMap<>();
        int withoutModel = 0;
        for (TrendEntry e : entries) {
            if (e.judgement().isEmpty() || e.evidence().isEmpty()) {
                withoutModel++;
            } else {
                byModel.computeIfAbsent(e.judgement().get().model(), m -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Latest> models = new LinkedHashMap<>();
        byModel.forEach((model, lines) -> models.put(model, latest(lines)));
        return new JobModels(models, withoutModel);
    }

    private static Latest latest(List<TrendEntry> lines) {
        int newestBuild = lines.stream().mapToInt(TrendEntry::getBuild).max().orElseThrow();
        TrendEntry newest = null;
        for (TrendEntry e : lines) {
            if (e.getBuild() == newestBuild) {
                newest = e; // the last appended line of the newest build
            }
        }
        String candidate = newest.evidence().orElseThrow().candidate();
        List<TrendEntry> forCandidate = lines.stream()
                .filter(e -> e.evidence().orElseThrow().candidate().equals(candidate)).toList();
        Map<String, Integer> newestPerGate = new LinkedHashMap<>();
        for (TrendEntry e : forCandidate) {
            newestPerGate.merge(e.evidence().orElseThrow().gate(), e.getBuild(), Math::max);
        }
        List<Result> results = new ArrayList<>();
        for (TrendEntry e : forCandidate) {
            String gate = e.evidence().orElseThrow().gate();
            if (e.getBuild() == newestPerGate.get(gate)) {
                results.add(new Result(gate, e.getId(), Status.valueOf(e.getStatus()), e.getBuild(),
                        e.judgement().orElseThrow().keptAt()));
            }
        }
        // stable: lines of one build stay in the order they were kept
        results.sort(Comparator.comparingInt(Result::build));
        TrendEntry.Judgement judged = newest.judgement().orElseThrow();
        return new Latest(candidate, newestBuild, judged.policyDigest(), newest.getId(), judged.keptAt(), results);
    }
}
