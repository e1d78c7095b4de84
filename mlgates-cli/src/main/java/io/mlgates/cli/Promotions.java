package io.mlgates.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.attestation.AttestationFiles;
import io.mlgates.core.attestation.CandidateSubjects;
import io.mlgates.core.attestation.ResourceDescriptor;
import io.mlgates.core.attestation.SigningKey;
import io.mlgates.core.attestation.Statement;
import io.mlgates.core.attestation.VerificationSummaryStatement;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.release.CurrentPolicy;
import io.mlgates.core.release.EvidenceFiles;
import io.mlgates.core.release.Promoter;
import io.mlgates.core.release.PromotionOutcome;
import io.mlgates.core.release.PromotionRequest;
import io.mlgates.core.release.Refusal;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.report.Text;
import io.mlgates.core.report.html.PromotionNote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** One promotion as {@code mlgates promote} and {@code mlgates run} make it: gather, judge, show, exit code. */
final class Promotions {
    static final int DONE = 0;
    static final int REFUSED = 1;
    /**
     * Refused only because the release train has not departed (no departure open, a freeze, a cut-off): the
     * candidate is otherwise ready, and a scheduled job that runs again at the next departure promotes it.
     */
    static final int WAITING = 4;

    private Promotions() {
    }

    /** The environment variable naming the key that signs each promotion's Verification Summary. */
    static final String SIGNING_KEY_VARIABLE = "MLGATES_SIGNING_KEY";

    /**
     * What a promotion needs besides the repository and the stage.
     *
     * @param signingKey {@code --signing-key}; when absent, the file {@value #SIGNING_KEY_VARIABLE} names, if set
     */
    record Options(String actor, String author, List<Path> results, Optional<String> source,
                   Optional<String> buildLink, Optional<String> emergencyReason, Optional<Path> orgPolicy,
                   Optional<Path> signingKey) {
    }

    /**
     * A promotion's outcome, and the Verification Summary written for it when a signing key is configured.
     *
     * @param attestation the file written and the key's fingerprint
     */
    record Decision(PromotionOutcome outcome, Optional<String> attestation) {
    }

    static int promote(RegistryContext context, String stage, Options options, Environment environment,
                       OutputFormat format, PrintWriter out) throws BadInputException, RegistryException, IOException {
        Decision decision = judge(context, stage, options, environment);
        show(decision.outcome(), context.registry.location(), format, out);
        if (format != OutputFormat.json) {
            decision.attestation().ifPresent(out::println);
            out.flush();
        }
        return code(decision.outcome());
    }

    /** The key {@code --signing-key} or {@value #SIGNING_KEY_VARIABLE} names, read before anything is promoted. */
    static Optional<SigningKey> signingKey(Optional<Path> option, Environment environment) throws BadInputException {
        Optional<Path> file = option.or(() -> Optional.ofNullable(environment.variables().get(SIGNING_KEY_VARIABLE))
                .filter(v -> !v.isBlank()).map(Path::of));
        return file.isPresent() ? Optional.of(SigningKey.read(file.get())) : Optional.empty();
    }

    /** The exit code of a promotion: done, waiting for the release train, or refused. */
    private static int code(PromotionOutcome outcome) {
        return outcome.waitsForTrain() ? WAITING : outcome.result() == PromotionOutcome.Result.REFUSED ? REFUSED : DONE;
    }

    /**
     * What {@code mlgates run} does after its gates passed: promotes the candidate to the policy's first stage in
     * the repository's embedded registry. With {@code --format json} standard output carries the gate's result alone,
     * so the promotion is told on standard error.
     */
    static FirstStage toFirstStage(Path repository, Path results, Optional<Path> orgPolicy,
                                   Optional<Path> signingKey, OutputFormat format, Environment environment,
                                   PrintWriter out, PrintWriter err)
            throws BadInputException, RegistryException, IOException {
        try (RegistryContext context = RegistryContext.open(repository, null, orgPolicy, environment,
                RegistryContext.Access.WRITE)) {
            String first = context.promotion().stages().get(0).name();
            String user = environment.userName();
            Decision decision = judge(context, first, new Options(user, user, List.of(results),
                    Optional.empty(), Optional.empty(), Optional.empty(), orgPolicy, signingKey), environment);
            PromotionOutcome outcome = decision.outcome();
            String registry = context.registry.location();
            PrintWriter shown = format == OutputFormat.json ? err : out;
            show(outcome, registry, OutputFormat.table, shown);
            decision.attestation().ifPresent(shown::println);
            shown.flush();
            return new FirstStage(code(outcome), note(outcome, registry));
        }
    }

    /** What {@code run}'s promotion came to: its exit code, and the sentence the report's verdict box states. */
    record FirstStage(int code, PromotionNote note) {
    }

    /** The outcome in one sentence, for the report's verdict box and the console's last line. */
    static PromotionNote note(PromotionOutcome o, String registry) {
        String where = " in " + Text.terminalSafe(registry) + ".";
        String version = o.version().isPresent() ? " as version " + o.version().getAsInt() : "";
        return switch (o.result()) {
            case PROMOTED -> PromotionNote.promoted("Promoted to " + o.stage() + version
                    + (o.emergency() ? " on the emergency path" : "") + where);
            case UNCHANGED -> PromotionNote.promoted("Already in " + o.stage() + version + where);
            case REFUSED -> PromotionNote.notPromoted("Not promoted to " + o.stage()
                    + (o.waitsForTrain() ? " yet, waiting for the release train" : "") + ": " + String.join("; ",
                    o.refusals().stream().map(r -> r.rule() + ": " + Text.terminalSafe(r.message())).toList()) + ".");
        };
    }

    static Decision judge(RegistryContext context, String stage, Options options, Environment environment)
            throws BadInputException, RegistryException, IOException {
        Optional<SigningKey> key = signingKey(options.signingKey(), environment);
        Set<String> gates = new LinkedHashSet<>();
        context.promotion().stage(stage).map(StagePolicy::gates).ifPresent(gates::addAll);
        List<EvidenceFiles.Folder> folders = new ArrayList<>();
        for (Path folder : options.results()) {
            folders.add(new EvidenceFiles.Folder(folder, folder.toString()));
        }
        if (folders.isEmpty()) {
            String shown = context.promotion().results();
            folders.add(new EvidenceFiles.Folder(context.workspace.resolve(shown, "promotion.results"), shown));
        }
        Optional<Candidate> artefacts = context.artefacts();
        Map<String, GateResult> results = EvidenceFiles.read(folders, gates,
                artefacts.map(Candidate::digest).orElse(""));
        // Without artefacts the candidate is the prediction file the gates judged, which the promotion refuses.
        Candidate candidate = artefacts.isPresent() ? artefacts.get() : context.withoutArtefacts(results.values());
        CurrentPolicy current = new CurrentPolicy(context.policy.fileName().orElse("default policy"),
                context.policy.digest(), Validation.organisation(options.orgPolicy(), environment.variables())
                .map(OrganisationPolicy::ref));
        PromotionRequest request = new PromotionRequest(context.model(), candidate, context.promotion(),
                stage, results, options.actor(), options.author(),
                options.source().orElse(context.policy.policy().artifacts()), options.buildLink(),
                options.emergencyReason(), current);
        // The subjects are digested before the promotion, so that what is signed is what was promoted.
        Optional<List<ResourceDescriptor>> subjects = key.isPresent() ? Optional.of(CandidateSubjects.of(
                context.workspace, candidate, "the candidate")) : Optional.empty();
        boolean verifying = context.promotion().stage(stage).map(StagePolicy::verifiedIdentity).orElse(false);
        PromotionOutcome outcome = new Promoter(context.registry, environment.clock(),
                verifying ? context.signers() : Optional.empty()).promote(request);
        if (key.isEmpty()) {
            return new Decision(outcome, Optional.empty());
        }
        Statement summary = VerificationSummaryStatement.of(request, outcome, subjects.orElseThrow(),
                environment.clock().instant());
        Path file = folders.get(0).path().resolve(AttestationFiles.ofPromotion(stage));
        AttestationFiles.write(file, List.of(key.get().sign(summary)));
        return new Decision(outcome, Optional.of("attestation: " + file + " (SLSA verification summary, "
                + (outcome.result() == PromotionOutcome.Result.REFUSED ? "FAILED" : "PASSED") + "), signed by key "
                + key.get().keyId()));
    }

    static void show(PromotionOutcome o, String registry, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("result", o.result().name().toLowerCase(Locale.ROOT));
            json.put("model", o.model());
            json.put("stage", o.stage());
            json.put("digest", o.digest());
            putVersion(json, "version", o.version());
            putVersion(json, "from", o.from());
            json.put("emergency", o.emergency());
            json.put("registry", registry);
            ArrayNode refusals = json.putArray("refusals");
            o.refusals().forEach(r -> refusals.addObject().put("rule", r.rule()).put("message", r.message()));
            json.put("nextDeparture", o.nextDeparture().map(d -> d.toOffsetDateTime().toString()).orElse(null));
            json.put("chainHead", o.head().map(AuditHead::toString).orElse(null));
            out.println(Views.json(json));
            out.flush();
            return;
        }
        String candidate = Text.terminalSafe(o.model()) + " " + (o.version().isPresent() ? "version "
                + o.version().getAsInt() + " (" + o.digest() + ")" : o.digest());
        switch (o.result()) {
            case PROMOTED -> out.println("promoted " + candidate + " to " + o.stage()
                    + (o.emergency() ? " on the emergency path" : "") + " (was: "
                    + (o.from().isPresent() ? "version " + o.from().getAsInt() : "none") + ") in "
                    + Text.terminalSafe(registry));
            case UNCHANGED -> out.println(candidate + " is already in " + o.stage() + " in "
                    + Text.terminalSafe(registry));
            case REFUSED -> {
                out.println("refused: " + candidate + " to " + o.stage() + ":");
                for (Refusal r : o.refusals()) {
                    out.println("  - " + r.rule() + ": " + Text.terminalSafe(r.message()));
                }
            }
        }
        o.head().ifPresent(h -> out.println(chainHead(h)));
        out.flush();
    }

    /**
     * The line that shows the audit chain's head as an anchor: kept outside the registry (a build log, a ticket),
     * {@code mlgates audit verify --expect-head} shows later whether the log still holds it.
     */
    static String chainHead(AuditHead head) {
        return "chain head: " + head + " (keep it; mlgates audit verify --expect-head " + head + " checks it later)";
    }

    private static void putVersion(ObjectNode json, String key, OptionalInt version) {
        if (version.isPresent()) {
            json.put(key, version.getAsInt());
        } else {
            json.putNull(key);
        }
    }
}
