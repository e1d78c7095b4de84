package io.mlgates.plugin.logic.board;

import io.mlgates.plugin.logic.TrendIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs' builds folders in a temporary folder, their index lines written by hand as the index writes them (so a test's
 * expectation does not come from the index's own writer), their policy copies and waiting records.
 */
final class Jobs implements JobCatalogue {
    /** A policy with a team, a train, approvers and a waiver. */
    static final String POLICY = """
            version: 1
            model:
              name: credit-risk
              team: credit
            waivers:
              - check: "docs:model_card"
                reason: the card is under review
                approver: Head of Credit Risk
                expires: 2027-01-31
            promotion:
              groups:
                risk-officers: [priya, tomas]
              stages:
                - name: staging
                - name: production
                  gates: [validate, ethics]
                  approvals: {group: risk-officers, quorum: 2}
                  train: true
              train:
                name: tuesday-train
                timeZone: Europe/Berlin
                departures:
                  - {day: tuesday, time: "14:00"}
            """;

    private final Path root;
    private final List<JobRef> jobs = new ArrayList<>();

    Jobs(Path root) {
        this.root = root;
    }

    @Override
    public List<JobRef> jobs() {
        return List.copyOf(jobs);
    }

    /** A job named {@code a/b}: its page {@code job/a/job/b/}, its builds folder under the root. */
    JobRef job(String fullName) {
        JobRef job = new JobRef(fullName, "job/" + fullName.replace("/", "/job/") + "/",
                root.resolve(fullName.replace("/", "_")).resolve("builds"));
        jobs.add(job);
        return job;
    }

    /** Keeps the policy's copy at job level; its digest. */
    static String keep(JobRef job, String policy) {
        try {
            PolicyCopies.in(job.buildsFolder()).keep(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return io.mlgates.core.policy.PolicyLoader.digest(policy.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends an index line as the index writes it, and creates the build's folder. */
    static void line(JobRef job, int build, String id, String gate, String status, String model, String candidate,
                     String policyDigest, String keptAt) {
        raw(job, build, json(build, id, gate, status, model, candidate, policyDigest, keptAt));
    }

    /** An index line as the index writes it. */
    static String json(int build, String id, String gate, String status, String model, String candidate,
                       String policyDigest, String keptAt) {
        return "{\"build\":" + build + ",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"metrics\":"
                + "{\"recall\":0.7},\"gate\":\"" + gate + "\",\"candidate\":\"" + candidate + "\",\"resultDigest\":"
                + "\"sha256:" + "0".repeat(64) + "\",\"model\":\"" + model + "\",\"policyDigest\":\"" + policyDigest
                + "\",\"keptAt\":\"" + keptAt + "\"}";
    }

    /** Appends a line as the index wrote it before it named models. */
    static void oldLine(JobRef job, int build, String id, String status) {
        raw(job, build, "{\"build\":" + build + ",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"metrics\":{},"
                + "\"gate\":\"validate\",\"candidate\":\"sha256:old\",\"resultDigest\":\"sha256:r\"}");
    }

    static void raw(JobRef job, int build, String line) {
        try {
            Files.createDirectories(job.buildsFolder().resolve(Integer.toString(build)));
            Files.writeString(job.buildsFolder().resolve(TrendIndex.FILE_NAME), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
