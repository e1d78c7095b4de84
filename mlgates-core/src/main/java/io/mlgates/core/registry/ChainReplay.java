package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditRecord;
import io.mlgates.core.audit.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The audit chain is the record: replaying its entries gives the versions, stage moves, stage pointers and decisions
 * a registry must hold, and every state row that the chain does not bear out, or every entry without its row, is a
 * finding that names the row, the entry and the field. Both registries keep their state beside the chain (tables,
 * tags) and are checked against it here.
 */
final class ChainReplay {
    private ChainReplay() {
    }

    /** A state row and how to name it in a message ({@code approvals row 7}, {@code tag mlgates.history.3}). */
    record Named<T>(String name, T value) {
        Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Where a stage points, and since when. */
    record StagePointer(String model, String stage, int version, Optional<Instant> since) {
    }

    /** What a registry's state holds, read leniently: rows that could not be read are findings already. */
    record State(List<Named<ModelVersion>> versions, List<Named<StageMoveRequest>> moves,
                 List<Named<StagePointer>> stages, List<Named<Approval>> decisions, boolean pointersDated) {
    }

    /** The approvals and rejections the chain records, oldest first; entries that cannot be read are skipped. */
    static List<Approval> decisions(List<AuditEntry> entries, String model, String digest, String stage)
            throws MalformedFieldException {
        List<Approval> decisions = new ArrayList<>();
        for (AuditEntry e : entries) {
            AuditRecord r = e.record();
            if (isDecision(r) && r.model().equals(model) && r.digest().equals(digest) && r.stage().equals(stage)) {
                decisions.add(decision(e));
            }
        }
        return decisions;
    }

    /**
     * Where the chain's stage moves left a stage: the version of its newest promote or rollback entry, or empty when
     * the chain never moved it.
     */
    static OptionalInt pointer(List<AuditEntry> entries, String model, String stage) {
        OptionalInt version = OptionalInt.empty();
        for (AuditEntry e : entries) {
            AuditRecord r = e.record();
            if ((r.action().equals("promote") || r.action().equals("rollback")) && r.model().equals(model)
                    && r.stage().equals(stage)) {
                version = r.version();
            }
        }
        return version;
    }

    static boolean isDecision(AuditRecord r) {
        return r.action().equals("approve") || r.action().equals("reject");
    }

    static Approval decision(AuditEntry e) throws MalformedFieldException {
        JsonNode evidence = evidence(e);
        Approval.Decision decision = e.record().action().equals("approve") ? Approval.Decision.APPROVE
                : Approval.Decision.REJECT;
        String recorded = text(e, evidence, "decision");
        if (!recorded.equals(decision.action())) {
            throw new MalformedFieldException(where(e), "evidence.decision", "the entry's action is "
                    + e.record().action() + " but its evidence says " + StoredRow.shorten(recorded));
        }
        // entries written before identities were recorded carry none: those were declared
        String identity = evidence.has("identity") ? text(e, evidence, "identity") : "declared";
        Optional<Approval.Signature> signature = Optional.empty();
        if (identity.equals("verified")) {
            signature = Optional.of(new Approval.Signature(text(e, evidence, "statement"),
                    text(e, evidence, "signature"), text(e, evidence, "keyFingerprint")));
        } else if (!identity.equals("declared")) {
            throw new MalformedFieldException(where(e), "evidence.identity", "expected declared or verified, found '"
                    + StoredRow.shorten(identity) + "'");
        }
        Optional<Approval.Signature> signed = signature;
        return build(e, () -> new Approval(e.record().model(), e.record().digest(), e.record().stage(),
                e.record().actor(), decision, text(e, evidence, "reason"), e.record().at(), signed));
    }

    /** Compares the state with the chain; every disagreement is one finding. */
    static List<AuditFinding> compare(List<AuditEntry> entries, State state) {
        List<AuditFinding> findings = new ArrayList<>();
        List<Named<ModelVersion>> versions = new ArrayList<>();
        List<Named<StageMoveRequest>> moves = new ArrayList<>();
        List<Named<Approval>> decisions = new ArrayList<>();
        Map<String, Named<StagePointer>> pointers = new LinkedHashMap<>();
        Map<Long, AuditEntry> bySeq = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            bySeq.put(e.seq(), e);
            String name = "audit entry " + e.seq();
            try {
                switch (e.record().action()) {
                    case "register" -> versions.add(new Named<>(name, registration(e)));
                    case "promote", "rollback" -> {
                        StageMoveRequest m = move(e);
                        moves.add(new Named<>(name, m));
                        pointers.put(m.model() + "\u0000" + m.stage(), new Named<>(name,
                                new StagePointer(m.model(), m.stage(), m.to(), state.pointersDated() ? Optional.of(m.at())
                                : Optional.empty())));
                    }
                    case "approve", "reject" -> decisions.add(new Named<>(name, decision(e)));
                    default -> findings.add(new AuditFinding(e.seq(), AuditFinding.Kind.MALFORMED, where(e)
                            + ", field action: expected register, promote, rollback, approve or reject, found '"
                            + StoredRow.shorten(e.record().action()) + "'"));
                }
            } catch (MalformedFieldException x) {
                findings.add(new AuditFinding(e.seq(), AuditFinding.Kind.MALFORMED, x.getMessage()));
            }
        }
        match("model_versions", versions, state.versions(), ChainReplay::fields, v -> v.model() + " version "
                + v.version() + " (" + v.digest() + ")", findings);
        match("stage_history", moves, state.moves(), ChainReplay::fields, m -> m.model() + " " + m.stage() + " "
                + m.kind().action() + " to version " + m.to() + " by " + m.actor(), findings);
        match("stages", new ArrayList<>(pointers.values()), state.stages(), ChainReplay::fields, p -> p.model() + " "
                + p.stage() + " at version " + p.version(), findings);
        match("approvals", decisions, state.decisions(), ChainReplay::fields, a -> a.approver() + " "
                + (a.decision() == Approval.Decision.APPROVE ? "approves " : "rejects ") + a.model() + " "
                + a.digest() + " for " + a.stage(), findings);
        return findings;
    }

    /**
     * Pairs rows with entries: equal ones first, then the rest in order, so an edited row is named with the fields it
     * changed, an inserted row as in no entry, and a deleted row by the entry that lacks it.
     */
    private static <T> void match(String table, List<Named<T>> chain, List<Named<T>> rows,
                                  Function<T, Map<String, Object>> fields, Function<T, String> summary,
                                  List<AuditFinding> findings) {
        List<Named<T>> entries = new ArrayList<>(chain);
        List<Named<T>> unmatched = new ArrayList<>();
        for (Named<T> row : rows) {
            Map<String, Object> stored = fields.apply(row.value());
            Optional<Named<T>> equal = entries.stream().filter(e -> fields.apply(e.value()).equals(stored))
                    .findFirst();
            if (equal.isPresent()) {
                entries.remove(equal.get());
            } else {
                unmatched.add(row);
            }
        }
        int paired = Math.min(entries.size(), unmatched.size());
        for (int i = 0; i < paired; i++) {
            Named<T> entry = entries.get(i);
            Named<T> row = unmatched.get(i);
            Map<String, Object> logged = fields.apply(entry.value());
            Map<String, Object> stored = fields.apply(row.value());
            List<String> differences = new ArrayList<>();
            logged.forEach((field, value) -> {
                if (!Objects.equals(value, stored.get(field))) {
                    differences.add(field + " is " + shown(stored.get(field)) + " in the table, " + shown(value)
                            + " in the log");
                }
            });
            findings.add(new AuditFinding(seqOf(entry), AuditFinding.Kind.STATE, table + " " + row.name()
                    + " disagrees with " + entry.name() + ": " + String.join("; ", differences)));
        }
        for (Named<T> row : unmatched.subList(paired, unmatched.size())) {
            findings.add(new AuditFinding(0, AuditFinding.Kind.STATE, table + " " + row.name() + " ("
                    + summary.apply(row.value()) + ") is in no audit entry: it was written outside mlgates"));
        }
        for (Named<T> entry : entries.subList(paired, entries.size())) {
            findings.add(new AuditFinding(seqOf(entry), AuditFinding.Kind.STATE, entry.name() + " ("
                    + summary.apply(entry.value()) + ") has no row in " + table + ": the row was deleted"));
        }
    }

    private static long seqOf(Named<?> entry) {
        return Long.parseLong(entry.name().substring("audit entry ".length()));
    }

    private static String shown(Object value) {
        return value == null ? "missing" : "'" + StoredRow.shorten(String.valueOf(value)) + "'";
    }

    private static Map<String, Object> fields(ModelVersion v) {
        Registration r = v.registration();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", r.model());
        f.put("version", v.version());
        f.put("digest", r.digest());
        f.put("source", r.source());
        f.put("build_link", r.buildLink().orElse(""));
        f.put("author", r.author());
        f.put("registered_at", r.at());
        f.put("metrics", CanonicalJson.of(RegistryJson.metrics(r.metrics())));
        f.put("evidence", CanonicalJson.of(RegistryJson.evidence(r.evidence())));
        return f;
    }

    private static Map<String, Object> fields(StageMoveRequest m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", m.model());
        f.put("stage", m.stage());
        f.put("kind", m.kind().name());
        f.put("from_version", m.expected().isPresent() ? m.expected().getAsInt() : "NULL");
        f.put("to_version", m.to());
        f.put("actor", m.actor());
        f.put("at", m.at());
        f.put("reason", m.reason());
        f.put("emergency", m.emergency());
        f.put("evidence", m.evidence());
        return f;
    }

    private static Map<String, Object> fields(StagePointer p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", p.model());
        f.put("stage", p.stage());
        f.put("version", p.version());
        p.since().ifPresent(since -> f.put("since", since));
        return f;
    }

    private static Map<String, Object> fields(Approval a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", a.model());
        f.put("digest", a.digest());
        f.put("stage", a.stage());
        f.put("approver", a.approver());
        f.put("decision", a.decision().name());
        f.put("reason", a.reason());
        f.put("at", a.at());
        return f;
    }

    private static ModelVersion registration(AuditEntry e) throws MalformedFieldException {
        AuditRecord r = e.record();
        JsonNode evidence = evidence(e);
        if (r.version().isEmpty()) {
            throw new MalformedFieldException(where(e), "version", "a registration names its version");
        }
        String link = text(e, evidence, "buildLink");
        JsonNode gates = evidence.path("gates");
        JsonNode metrics = evidence.path("metrics");
        if (!gates.isArray() || !metrics.isObject()) {
            throw new MalformedFieldException(where(e), "evidence", "expected its gates (an array) and metrics (an"
                    + " object)");
        }
        return build(e, () -> new ModelVersion(r.version().getAsInt(), new Registration(r.model(), r.digest(),
                text(e, evidence, "source"), link.isEmpty() ? Optional.empty() : Optional.of(link),
                text(e, evidence, "author"), r.at(), RegistryJson.metrics(metrics), RegistryJson.evidence(gates))));
    }

    private static StageMoveRequest move(AuditEntry e) throws MalformedFieldException {
        AuditRecord r = e.record();
        JsonNode evidence = evidence(e);
        JsonNode from = evidence.path("from");
        JsonNode to = evidence.path("to");
        if (!(from.isNull() || from.isInt()) || !to.isInt()
                || r.version().isEmpty() || to.asInt() != r.version().getAsInt()) {
            throw new MalformedFieldException(where(e), "evidence", "expected from (a version or null) and to (the"
                    + " entry's version)");
        }
        if (!evidence.path("emergency").isBoolean() || !evidence.path("evidence").isObject()) {
            throw new MalformedFieldException(where(e), "evidence", "expected emergency (true or false) and the"
                    + " mover's evidence (an object)");
        }
        StageMove.Kind kind = r.action().equals("promote") ? StageMove.Kind.PROMOTE : StageMove.Kind.ROLLBACK;
        return build(e, () -> new StageMoveRequest(r.model(), r.stage(), from.isNull() ? OptionalInt.empty()
                : OptionalInt.of(from.asInt()), to.asInt(), kind, r.actor(), r.at(), text(e, evidence, "reason"),
                evidence.path("emergency").asBoolean(), CanonicalJson.of(evidence.path("evidence"))));
    }

    private static JsonNode evidence(AuditEntry e) throws MalformedFieldException {
        try {
            JsonNode node = CanonicalJson.parse(e.record().evidence());
            if (node.isObject()) {
                return node;
            }
        } catch (IllegalArgumentException x) {
            // reported below
        }
        throw new MalformedFieldException(where(e), "evidence", "expected a JSON object");
    }

    private static String text(AuditEntry e, JsonNode evidence, String field) throws MalformedFieldException {
        JsonNode value = evidence.path(field);
        if (!value.isTextual()) {
            throw new MalformedFieldException(where(e), "evidence." + field, "expected a text");
        }
        return value.asText();
    }

    @FunctionalInterface
    private interface Build<T> {
        T get() throws MalformedFieldException;
    }

    /** The domain records validate what they hold (a blank reason, version 0): a refusal there is a finding too. */
    private static <T> T build(AuditEntry e, Build<T> build) throws MalformedFieldException {
        try {
            return build.get();
        } catch (IllegalArgumentException | java.time.DateTimeException x) {
            throw new MalformedFieldException(where(e), "evidence", StoredRow.shorten(String.valueOf(x.getMessage())));
        }
    }

    static String where(AuditEntry e) {
        return "audit_log entry " + e.seq();
    }
}
