package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.audit.AuditChain;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditRecord;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The Model Registry of an MLflow tracking server, over its REST API 2.0 ({@code /api/2.0/mlflow/...}): a candidate
 * is a model version whose tags carry its digest, author, evidence and metrics; a stage is an alias of the
 * registered model (aliases, not the deprecated stage transitions), moved as the last step of a promotion and read
 * back to confirm; approvals are tags of the version; the stage history and the hash-chained audit log are tags of
 * the registered model, one chain per model.
 *
 * <p>MLflow has no transactions, and setting a tag overwrites it, so the audit log is not kept in tags that a
 * writer reads, extends and writes back (two writers would both write entry N, and the second would replace the
 * first). Each entry is a registered model of its own, named {@code mlgates-audit.<model>.<seq>}, created with the
 * entry in its tag {@value #ENTRY_TAG}: MLflow creates a registered model only when no model has its name
 * ({@code RESOURCE_ALREADY_EXISTS} otherwise), so of two writers that claim the same place exactly one succeeds; the
 * other reads the log again and, if its change still holds, claims the next place. A stage move checks its expected
 * version against the moves the log records (not only against the alias), so the loser of a race sees the winner's
 * entry and is refused. The change's own tags (history, approvals) are written after its entry, keyed by the
 * entry's place, and the alias moves last and is read back. A server whose backend does not enforce unique model
 * names (MLflow's file store checks, then creates) gives no such guarantee: use a database backend for a shared
 * registry. Audit tags {@code mlgates.audit.<seq>} on the model, as earlier versions wrote them, are read as the
 * start of the log.
 *
 * <p>The head tag {@value #AUDIT_HEAD} records the newest entry so that deleting entries from the end shows; writers
 * that raced may leave it behind the newest entry for a moment, and each writer moves it forward until no newer entry
 * exists, so that a log nobody is writing has its head on its newest entry. The audit log and {@link #verifyAudit}
 * cover the model this instance was opened for. The token, when the environment has {@value #TOKEN_VARIABLE}, is
 * sent as a bearer token.
 */
public final class MlflowRegistry implements ModelRegistry {
    public static final String TOKEN_VARIABLE = "MLFLOW_TRACKING_TOKEN";
    /** MLflow's limit on a model registry tag's value, in characters. */
    static final int MAX_TAG_VALUE = 5000;
    private static final String DIGEST = "mlgates.digest";
    private static final String AUTHOR = "mlgates.author";
    private static final String REGISTERED_AT = "mlgates.registeredAt";
    private static final String BUILD_LINK = "mlgates.buildLink";
    private static final String EVIDENCE = "mlgates.evidence";
    private static final String METRICS = "mlgates.metrics";
    private static final String APPROVAL = "mlgates.approval.";
    private static final String HISTORY = "mlgates.history.";
    private static final String AUDIT = "mlgates.audit.";
    private static final String AUDIT_HEAD = "mlgates.auditHead";
    /** The head tag of a model whose log is still empty, set when mlgates creates the model. */
    private static final String EMPTY_HEAD = "0 " + AuditChain.GENESIS;
    /** The registered models that hold the audit entries: {@code mlgates-audit.<model>.<seq>}. */
    static final String ENTRY_MODEL = "mlgates-audit.";
    /** The tag of an entry's registered model that holds the entry. */
    static final String ENTRY_TAG = "mlgates.auditEntry";
    /** How often a writer claims the log's next place after other writers took it, before it gives up. */
    static final int MAX_CLAIMS = 100;
    /** How long a writer waits for the writer of the place before to commit, and a verify for writers to finish. */
    private static final int COMMIT_POLLS = 300;
    private static final long POLL_MILLIS = 50;

    private final String server;
    private final URI api;
    private final String model;
    private final Optional<String> token;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    /**
     * @param trackingUri the tracking server, for example {@code http://mlflow.internal:5000}
     * @param model the registered model whose audit chain this instance reads
     * @param environment where the token is looked up
     */
    public MlflowRegistry(URI trackingUri, String model, Map<String, String> environment) {
        Objects.requireNonNull(trackingUri, "trackingUri");
        this.model = Objects.requireNonNull(model, "model");
        this.server = trackingUri.toString().replaceAll("/+$", "");
        this.api = URI.create(server + "/api/2.0/mlflow/");
        this.token = Optional.ofNullable(environment.get(TOKEN_VARIABLE)).filter(t -> !t.isBlank());
        // HTTP/1.1: MLflow servers (gunicorn, uvicorn) speak it; an h2c upgrade attempt only costs a round trip
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String location() {
        return server;
    }

    @Override
    public ModelVersion register(Registration r, String registeredBy) throws RegistryException {
        Optional<ModelVersion> existing = versionByDigest(r.model(), r.digest());
        if (existing.isPresent()) {
            return existing.get();
        }
        // a registered model that exists already is as good as a new one; a new one starts with an empty log's head
        ObjectNode model = f.objectNode().put("name", r.model());
        tag(model.putArray("tags"), AUDIT_HEAD, EMPTY_HEAD);
        if (call("POST", "registered-models/create", model, "RESOURCE_ALREADY_EXISTS").isEmpty()) {
            Map<String, String> tagsNow = modelTags(r.model());
            if (!tagsNow.containsKey(AUDIT_HEAD) && chain(r.model()).slots().isEmpty()) {
                setModelTag(r.model(), AUDIT_HEAD, EMPTY_HEAD); // created outside mlgates: its log starts here
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tag(tags, AUTHOR, r.author());
        tag(tags, REGISTERED_AT, r.at().toString());
        r.buildLink().ifPresent(link -> tag(tags, BUILD_LINK, link));
        tag(tags, EVIDENCE, CanonicalJson.of(RegistryJson.evidence(r.evidence())));
        tag(tags, METRICS, CanonicalJson.of(RegistryJson.metrics(r.metrics())));
        tag(tags, DIGEST, r.digest());
        for (Map.Entry<String, String> t : tags.entrySet()) {
            checkSize(t.getKey(), t.getValue());
        }
        // the version is mlgates' only once it has the digest tag, set last, after its audit entry is claimed
        JsonNode version = call("POST", "model-versions/create", f.objectNode().put("name", r.model())
                .put("source", r.source())).orElseThrow().path("model_version");
        int number = number(version.path("version").asText(), "the created version's number");
        Claimed claimed = append(r.model(), r.at(), at -> new AuditRecord(at, registeredBy, "register", r.model(), "",
                OptionalInt.of(number), r.digest(), RegistryJson.registrationEvidence(r)), entries -> { });
        Registration stamped = new Registration(r.model(), r.digest(), r.source(), r.buildLink(), r.author(),
                claimed.at(), r.metrics(), r.evidence());
        tags.put(REGISTERED_AT, stamped.at().toString());
        try {
            for (Map.Entry<String, String> t : tags.entrySet()) {
                setVersionTag(r.model(), number, t.getKey(), t.getValue());
            }
        } finally {
            commitHead(r.model(), claimed.head());
        }
        return new ModelVersion(number, stamped);
    }

    @Override
    public Optional<ModelVersion> version(String name, int version) throws RegistryException {
        Optional<JsonNode> found = get("model-versions/get?name=" + encode(name) + "&version=" + version);
        return found.isPresent() ? toVersion(found.get().path("model_version")) : Optional.empty();
    }

    @Override
    public Optional<ModelVersion> versionByDigest(String name, String digest) throws RegistryException {
        return versions(name).stream().filter(v -> v.digest().equals(digest)).findFirst();
    }

    @Override
    public List<ModelVersion> versions(String name) throws RegistryException {
        List<ModelVersion> versions = new ArrayList<>();
        for (JsonNode v : pages("model-versions/search?filter=" + encode("name='" + name.replace("'", "\\'") + "'"),
                "model_versions")) {
            toVersion(v).ifPresent(versions::add);
        }
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    @Override
    public List<String> models() throws RegistryException {
        List<String> names = new ArrayList<>();
        for (JsonNode m : pages("registered-models/search?", "registered_models")) {
            String name = m.path("name").asText();
            if (!name.startsWith(ENTRY_MODEL)) {
                names.add(name);
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public OptionalInt current(String name, String stage) throws RegistryException {
        Optional<JsonNode> found = get("registered-models/alias?name=" + encode(name) + "&alias=" + encode(stage));
        return found.isPresent() ? OptionalInt.of(number(found.get().path("model_version").path("version").asText(),
                "alias " + stage)) : OptionalInt.empty();
    }

    @Override
    public Map<String, Integer> stages(String name) throws RegistryException {
        Map<String, Integer> stages = new LinkedHashMap<>();
        Optional<JsonNode> found = get("registered-models/get?name=" + encode(name));
        if (found.isPresent()) {
            for (JsonNode alias : found.get().path("registered_model").path("aliases")) {
                stages.put(alias.path("alias").asText(), number(alias.path("version").asText(), "alias "
                        + alias.path("alias").asText()));
            }
        }
        return stages;
    }

    @Override
    public Recorded<StageMove> move(StageMoveRequest m) throws RegistryException {
        OptionalInt actual = current(m.model(), m.stage());
        if (!actual.equals(m.expected())) {
            throw new StageConflictException(m.model(), m.stage(), m.expected(), actual);
        }
        ModelVersion target = version(m.model(), m.to()).orElseThrow(() -> new RegistryException(location() + ": "
                + m.model() + " has no version " + m.to() + " registered by mlgates"));
        // the log is the record: the stage must still point where the request expects as far as the log knows, also
        // when another writer's move is logged but its alias not yet set
        Claimed claimed = append(m.model(), m.at(), at -> new AuditRecord(at, m.actor(), m.kind().action(),
                m.model(), m.stage(), OptionalInt.of(m.to()), target.digest(), RegistryJson.moveEvidence(m)),
                entries -> {
                    OptionalInt logged = ChainReplay.pointer(entries, m.model(), m.stage());
                    if (!logged.equals(m.expected())) {
                        throw new StageConflictException(m.model(), m.stage(), m.expected(), logged);
                    }
                });
        StageMoveRequest stamped = new StageMoveRequest(m.model(), m.stage(), m.expected(), m.to(), m.kind(),
                m.actor(), claimed.at(), m.reason(), m.emergency(), m.evidence());
        long id = claimed.head().seq();
        try {
            setModelTag(m.model(), HISTORY + pad(id), CanonicalJson.of(history(stamped)));
            setVersionTag(m.model(), m.to(), "mlgates." + m.stage() + "." + m.kind().action(), CanonicalJson.of(
                    f.objectNode().put("actor", m.actor()).put("at", stamped.at().toString()).put("historyId", id)));
            // the alias is what deployments read: it moves last, once the evidence is in place, and is read back
            call("POST", "registered-models/alias", f.objectNode().put("name", m.model()).put("alias", m.stage())
                    .put("version", String.valueOf(m.to())));
            OptionalInt confirmed = current(m.model(), m.stage());
            if (confirmed.isEmpty() || confirmed.getAsInt() != m.to()) {
                throw new StageConflictException(m.model(), m.stage(), OptionalInt.of(m.to()), confirmed);
            }
        } finally {
            commitHead(m.model(), claimed.head());
        }
        return new Recorded<>(new StageMove(id, stamped), claimed.head());
    }

    @Override
    public List<StageMove> history(String name) throws RegistryException {
        List<StageMove> moves = new ArrayList<>();
        for (ChainReplay.Named<StageMove> move : historyTags(modelTags(name), name)) {
            moves.add(move.value());
        }
        return moves;
    }

    /** The history tags, each read strictly: a tag that does not read as mlgates wrote it is tampering. */
    private List<ChainReplay.Named<StageMove>> historyTags(Map<String, String> tags, String name)
            throws RegistryTamperedException {
        List<ChainReplay.Named<StageMove>> moves = new ArrayList<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().startsWith(HISTORY)) {
                try {
                    moves.add(new ChainReplay.Named<>("tag " + tag.getKey(), historyEntry(name, tag.getKey(),
                            tag.getValue())));
                } catch (MalformedFieldException e) {
                    throw e.tampered(location());
                }
            }
        }
        moves.sort(Comparator.comparingLong(m -> m.value().id()));
        return moves;
    }

    private StageMove historyEntry(String name, String key, String value) throws MalformedFieldException {
        String where = "tag " + key;
        JsonNode h = tagJson(where, value);
        JsonNode from = h.path("from");
        if (!(from.isNull() || from.isInt()) || !h.path("to").isInt() || !h.path("emergency").isBoolean()) {
            throw new MalformedFieldException(where, "from, to, emergency", "expected versions and true or false");
        }
        try {
            return new StageMove(Long.parseLong(key.substring(HISTORY.length())), new StageMoveRequest(name,
                    tagText(where, h, "stage"), from.isInt() ? OptionalInt.of(from.asInt()) : OptionalInt.empty(),
                    h.path("to").asInt(), StageMove.Kind.valueOf(tagText(where, h, "kind")), tagText(where, h,
                    "actor"), Instant.parse(tagText(where, h, "at")), tagText(where, h, "reason"),
                    h.path("emergency").asBoolean(), CanonicalJson.of(h.path("evidence"))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedFieldException(where, "value", StoredRow.shorten(String.valueOf(e.getMessage())));
        }
    }

    private static JsonNode tagJson(String where, String value) throws MalformedFieldException {
        try {
            JsonNode node = CanonicalJson.parse(value);
            if (node.isObject()) {
                return node;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new MalformedFieldException(where, "value", "expected a JSON object");
    }

    private static String tagText(String where, JsonNode node, String field) throws MalformedFieldException {
        if (!node.path(field).isTextual()) {
            throw new MalformedFieldException(where, field, "expected a text");
        }
        return node.path(field).asText();
    }

    private int number(String text, String what) throws RegistryTamperedException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegistryTamperedException(location() + ": tampered with: " + what + " is '"
                + StoredRow.shorten(text) + "', not a version number from 1 to " + Integer.MAX_VALUE);
    }

    @Override
    public Recorded<Approval> decide(Approval a) throws RegistryException {
        ModelVersion version = versionByDigest(a.model(), a.digest()).orElseThrow(() -> new RegistryException(
                location() + ": " + a.model() + " has no version with digest " + a.digest()));
        Claimed claimed = append(a.model(), a.at(), at -> new AuditRecord(at, a.approver(), a.decision().action(),
                a.model(), a.stage(), OptionalInt.of(version.version()), a.digest(), RegistryJson.decisionEvidence(a)),
                entries -> { });
        Approval stamped = a.at(claimed.at());
        try {
            // keyed by the entry's place, which no other writer holds: two decisions never share a tag
            setVersionTag(a.model(), version.version(), APPROVAL + a.stage() + "." + pad(claimed.head().seq()),
                    CanonicalJson.of(f.objectNode().put("approver", a.approver()).put("decision", a.decision().name())
                            .put("reason", a.reason()).put("at", stamped.at().toString())));
        } finally {
            commitHead(a.model(), claimed.head());
        }
        return new Recorded<>(stamped, claimed.head());
    }

    @Override
    public List<Approval> approvals(String name, String digest, String stage) throws RegistryException {
        List<AuditEntry> entries = chain(name).entries(location());
        try {
            return ChainReplay.decisions(entries, name, digest, stage);
        } catch (MalformedFieldException e) {
            throw e.tampered(location());
        }
    }

    @Override
    public List<AuditEntry> auditLog() throws RegistryException {
        return chain(model).entries(location());
    }

    /** The log's newest entry, read from the entries themselves: the head tag may lag while writers race. */
    @Override
    public Optional<AuditHead> head() throws RegistryException {
        return chain(model).tail(location());
    }

    /**
     * Checks the chain, its head tag and the anchors, and replays the chain against the versions' tags, the history
     * tags, the aliases and the approval tags of the model this instance was opened for. MLflow reads are not one
     * snapshot: while another writer is between its entry and its commit, its change is half written. So the check
     * is read again, a bounded number of times, until the head tag names the newest entry and no entry was added
     * during the reads; what a writer that stopped half way left stays a finding.
     */
    @Override
    public AuditVerification verifyAudit(List<AuditHead> anchors) throws RegistryException {
        AuditVerification verification = null;
        for (int poll = 0; poll < COMMIT_POLLS; poll++) {
            Progress before = progress();
            verification = verifyOnce(anchors);
            // intact, or read while nobody was between an entry and its commit: the findings stand
            if (verification.intact() || before.quiet() && before.equals(progress())) {
                return verification;
            }
            pause();
        }
        return verification;
    }

    /** How far the log's writers are: the newest entry, and the newest one committed (the head tag's). */
    private record Progress(long newest, long committed) {
        boolean quiet() {
            return newest == committed;
        }
    }

    private Progress progress() throws RegistryException {
        long committed = committedSeq(model);
        long newest = committed;
        while (entryAt(model, newest + 1).isPresent()) {
            newest++;
        }
        return new Progress(newest, committed);
    }

    private AuditVerification verifyOnce(List<AuditHead> anchors) throws RegistryException {
        Chain log = chain(model);
        Map<String, String> tags = log.tags();
        List<AuditFinding> malformed = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        java.util.Set<Long> unreadable = new java.util.HashSet<>();
        for (Slot slot : log.slots()) {
            if (slot.entry().isPresent()) {
                entries.add(slot.entry().get());
            } else {
                unreadable.add(slot.seq());
                malformed.add(new AuditFinding(slot.seq(), AuditFinding.Kind.MALFORMED,
                        slot.problem().orElseThrow().getMessage()));
            }
        }
        Optional<AuditHead> head = Optional.empty();
        AuditChain.HeadRecord headRecord = AuditChain.HeadRecord.KEPT;
        try {
            head = headTag(tags);
        } catch (MalformedFieldException e) {
            malformed.add(new AuditFinding(0, AuditFinding.Kind.MALFORMED, e.getMessage()));
            headRecord = AuditChain.HeadRecord.UNREADABLE;
        }
        AuditVerification chain = AuditChain.verify(entries, unreadable, head, headRecord);
        List<ChainReplay.Named<ModelVersion>> versions = new ArrayList<>();
        List<ChainReplay.Named<Approval>> decisions = new ArrayList<>();
        for (JsonNode v : pages("model-versions/search?filter=" + encode("name='" + model.replace("'", "\\'")
                + "'"), "model_versions")) {
            String number = v.path("version").asText();
            try {
                Optional<ModelVersion> version = toVersion(v);
                if (version.isPresent()) {
                    versions.add(new ChainReplay.Named<>("version " + number, version.get()));
                    decisions.addAll(approvalTags(tags(v.path("tags")), version.get()));
                }
            } catch (RegistryTamperedException | MalformedFieldException e) {
                malformed.add(new AuditFinding(0, AuditFinding.Kind.MALFORMED, e.getMessage()));
            }
        }
        versions.sort(Comparator.comparingInt(v -> v.value().version()));
        List<ChainReplay.Named<StageMoveRequest>> moves = new ArrayList<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().startsWith(HISTORY)) {
                try {
                    moves.add(new ChainReplay.Named<>("tag " + tag.getKey(), historyEntry(model, tag.getKey(),
                            tag.getValue()).request()));
                } catch (MalformedFieldException e) {
                    malformed.add(new AuditFinding(0, AuditFinding.Kind.MALFORMED, e.getMessage()));
                }
            }
        }
        List<ChainReplay.Named<ChainReplay.StagePointer>> pointers = new ArrayList<>();
        for (Map.Entry<String, Integer> alias : stages(model).entrySet()) {
            pointers.add(new ChainReplay.Named<>("alias " + alias.getKey(), new ChainReplay.StagePointer(model,
                    alias.getKey(), alias.getValue(), Optional.empty())));
        }
        List<AuditFinding> more = new ArrayList<>(malformed);
        more.addAll(ChainReplay.compare(entries, new ChainReplay.State(versions, moves, pointers, decisions, false)));
        more.addAll(AuditChain.anchors(entries, anchors));
        return chain.with(more);
    }

    private List<ChainReplay.Named<Approval>> approvalTags(Map<String, String> tags, ModelVersion version)
            throws MalformedFieldException {
        List<ChainReplay.Named<Approval>> approvals = new ArrayList<>();
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            if (tag.getKey().startsWith(APPROVAL)) {
                String rest = tag.getKey().substring(APPROVAL.length());
                int dot = rest.lastIndexOf('.');
                String where = "version " + version.version() + " tag " + tag.getKey();
                if (dot < 1) {
                    throw new MalformedFieldException(where, "key", "expected mlgates.approval.<stage>.<n>");
                }
                approvals.add(new ChainReplay.Named<>(where, approval(where, version.model(), version.digest(),
                        rest.substring(0, dot), tag.getValue())));
            }
        }
        return approvals;
    }

    private static Approval approval(String where, String name, String digest, String stage, String value)
            throws MalformedFieldException {
        JsonNode a = tagJson(where, value);
        try {
            return new Approval(name, digest, stage, tagText(where, a, "approver"),
                    Approval.Decision.valueOf(tagText(where, a, "decision")), tagText(where, a, "reason"),
                    Instant.parse(tagText(where, a, "at")));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedFieldException(where, "value", StoredRow.shorten(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        // the HTTP client holds no connection open between calls that needs closing on Java 17
    }

    /** An audit tag: the entry, or why it cannot be read. */
    private record Slot(long seq, Optional<AuditEntry> entry, Optional<MalformedFieldException> problem) {
    }

    /** The audit log of a model as read at one moment: its tags, and its entries by place. */
    private record Chain(Map<String, String> tags, List<Slot> slots) {
        /** Every entry; one that cannot be read is tampering. */
        List<AuditEntry> entries(String location) throws RegistryTamperedException {
            List<AuditEntry> entries = new ArrayList<>();
            for (Slot slot : slots) {
                if (slot.problem().isPresent()) {
                    throw slot.problem().get().tampered(location);
                }
                entries.add(slot.entry().orElseThrow());
            }
            return entries;
        }

        Optional<AuditHead> tail(String location) throws RegistryTamperedException {
            if (slots.isEmpty()) {
                return Optional.empty();
            }
            Slot last = slots.get(slots.size() - 1);
            if (last.problem().isPresent()) {
                throw last.problem().get().tampered(location);
            }
            return Optional.of(new AuditHead(last.seq(), last.entry().orElseThrow().hash()));
        }
    }

    /** The model's tags and its audit log: entries kept as tags by earlier versions, then entry models. */
    private Chain chain(String name) throws RegistryException {
        Map<String, String> tags = modelTags(name);
        List<Slot> slots = new ArrayList<>(auditSlots(tags));
        String prefix = ENTRY_MODEL + name + ".";
        for (JsonNode m : pages("registered-models/search?filter=" + encode("name LIKE '"
                + prefix.replace("'", "\\'") + "%'"), "registered_models")) {
            String entryName = m.path("name").asText();
            String rest = entryName.startsWith(prefix) ? entryName.substring(prefix.length()) : "";
            if (rest.matches("[0-9]{1,18}")) {
                slots.add(slot("registered model " + entryName, Long.parseLong(rest),
                        Optional.ofNullable(tags(m.path("tags")).get(ENTRY_TAG))));
            }
        }
        slots.sort(Comparator.comparingLong(Slot::seq));
        List<Slot> unique = new ArrayList<>();
        for (Slot slot : slots) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).seq() == slot.seq()) {
                unique.set(unique.size() - 1, new Slot(slot.seq(), Optional.empty(), Optional.of(
                        new MalformedFieldException("audit entry " + slot.seq(), "seq", "held twice: as a tag of "
                                + name + " and as a registered model"))));
            } else {
                unique.add(slot);
            }
        }
        return new Chain(tags, unique);
    }

    /** The registered model that holds entry {@code seq} of a model's log. */
    private static String entryName(String name, long seq) {
        return ENTRY_MODEL + name + "." + pad(seq);
    }

    private static List<Slot> auditSlots(Map<String, String> tags) {
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().startsWith(AUDIT)) {
                long seq;
                try {
                    seq = Long.parseLong(tag.getKey().substring(AUDIT.length()));
                } catch (NumberFormatException e) {
                    seq = 0;
                }
                slots.add(slot("tag " + tag.getKey(), seq, Optional.of(tag.getValue())));
            }
        }
        return slots;
    }

    /** Entry {@code seq} as its tag holds it, or why it cannot be read. */
    private static Slot slot(String where, long seq, Optional<String> value) {
        try {
            if (value.isEmpty()) {
                throw new MalformedFieldException(where, ENTRY_TAG, "missing: expected the audit entry");
            }
            JsonNode e = tagJson(where, value.get());
            JsonNode version = e.path("version");
            if (!e.path("seq").canConvertToExactIntegral() || e.path("seq").asLong() != seq || seq < 1) {
                throw new MalformedFieldException(where, "seq", "expected the place the key names");
            }
            if (!(version.isNull() || version.isInt() && version.asInt() >= 1)) {
                throw new MalformedFieldException(where, "version", "expected a version number or null");
            }
            AuditRecord record;
            try {
                record = new AuditRecord(Instant.parse(tagText(where, e, "at")), tagText(where, e, "actor"),
                        tagText(where, e, "action"), tagText(where, e, "model"), tagText(where, e, "stage"),
                        version.isInt() ? OptionalInt.of(version.asInt()) : OptionalInt.empty(),
                        tagText(where, e, "digest"), tagText(where, e, "evidence"));
            } catch (IllegalArgumentException | java.time.DateTimeException x) {
                throw new MalformedFieldException(where, "value", StoredRow.shorten(String.valueOf(
                        x.getMessage())));
            }
            return new Slot(seq, Optional.of(new AuditEntry(seq, record, tagText(where, e, "previousHash"),
                    tagText(where, e, "hash"))), Optional.empty());
        } catch (MalformedFieldException e) {
            return new Slot(seq, Optional.empty(), Optional.of(e));
        }
    }

    private static Optional<AuditHead> headTag(Map<String, String> tags) throws MalformedFieldException {
        String head = tags.get(AUDIT_HEAD);
        if (head == null || head.equals(EMPTY_HEAD)) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditHead.parse(head.replace(' ', ':')));
        } catch (IllegalArgumentException e) {
            throw new MalformedFieldException("tag " + AUDIT_HEAD, "value", e.getMessage());
        }
    }

    /** What must still hold, against the log as read just before an entry claims its place. */
    @FunctionalInterface
    private interface Precondition {
        void check(List<AuditEntry> entries) throws RegistryException;
    }

    /** The entry to append, given its time. */
    @FunctionalInterface
    private interface RecordAt {
        AuditRecord at(Instant at);
    }

    /** A place of the log this writer holds: its entry's head, and the time it was stamped with. */
    private record Claimed(AuditHead head, Instant at) {
    }

    /**
     * Appends to the log of the record's model by creating the registered model of its next place; when another
     * writer created it first, reads the log again and, if {@code precondition} still holds, claims the next place.
     * The caller writes the change's tags, then {@link #commitHead commits} the place. Refused when the head tag names
     * an entry the log does not hold (entries were cut off or replaced), so that a cut-off log is not sealed over.
     *
     * @param asked the change's time: a time before the newest entry's, within the embedded registry's tolerance,
     *     takes the newest entry's time (a writer that read the clock, then lost a race), and beyond it is refused
     */
    private Claimed append(String name, Instant asked, RecordAt recordAt, Precondition precondition)
            throws RegistryException {
        for (int claim = 0; claim < MAX_CLAIMS; claim++) {
            Chain log = chain(name);
            List<AuditEntry> entries = log.entries(location());
            Optional<AuditHead> tail = log.tail(location());
            checkHead(log, entries, name);
            precondition.check(entries);
            Instant at = asked;
            if (!entries.isEmpty() && asked.isBefore(entries.get(entries.size() - 1).record().at())) {
                AuditEntry newest = entries.get(entries.size() - 1);
                if (Duration.between(asked, newest.record().at()).compareTo(SqliteRegistry.CLOCK_TOLERANCE) > 0) {
                    throw new RegistryException(location() + ": the audit log's newest entry, " + newest.seq()
                            + ", is dated " + newest.record().at() + ", after this change's time " + asked + ": a"
                            + " clock is wrong or that entry was forged; nothing was written, because the log's"
                            + " timestamps never run backwards");
                }
                at = newest.record().at();
            }
            AuditRecord record = recordAt.at(at);
            long seq = tail.map(t -> t.seq() + 1).orElse(1L);
            String previous = tail.map(AuditHead::hash).orElse(AuditChain.GENESIS);
            AuditEntry entry = AuditChain.seal(seq, record, previous);
            ObjectNode json = f.objectNode().put("seq", seq).put("at", record.at().toString())
                    .put("actor", record.actor()).put("action", record.action()).put("model", record.model())
                    .put("stage", record.stage());
            if (record.version().isPresent()) {
                json.put("version", record.version().getAsInt());
            } else {
                json.putNull("version");
            }
            json.put("digest", record.digest()).put("evidence", record.evidence()).put("previousHash", previous)
                    .put("hash", entry.hash());
            String value = CanonicalJson.of(json);
            checkSize(ENTRY_TAG, value);
            ObjectNode create = f.objectNode().put("name", entryName(name, seq))
                    .put("description", "mlgates audit entry " + seq + " of " + name);
            tag(create.putArray("tags"), ENTRY_TAG, value);
            if (call("POST", "registered-models/create", create, "RESOURCE_ALREADY_EXISTS").isPresent()) {
                return new Claimed(new AuditHead(seq, entry.hash()), at);
            }
        }
        throw new RegistryException(location() + ": " + MAX_CLAIMS + " times another writer took the next place of "
                + name + "'s audit log first; nothing was written: try again");
    }

    /** The head tag may lag behind the newest entry (writers at work), never name an entry the log does not hold. */
    private void checkHead(Chain log, List<AuditEntry> entries, String name) throws RegistryException {
        Optional<AuditHead> head;
        try {
            head = headTag(log.tags());
        } catch (MalformedFieldException e) {
            throw e.tampered(location());
        }
        boolean emptyHead = EMPTY_HEAD.equals(log.tags().get(AUDIT_HEAD));
        boolean held = head.isPresent() ? entries.stream().anyMatch(e -> e.seq() == head.get().seq()
                && e.hash().equals(head.get().hash())) : emptyHead || entries.isEmpty();
        if (!held) {
            throw new RegistryTamperedException(location() + ": tampered with: the audit head tag ("
                    + head.map(AuditHead::toString).orElse("missing") + ") of " + name + " names no entry the log"
                    + " holds (it ends at " + (entries.isEmpty() ? "none" : String.valueOf(entries.get(
                    entries.size() - 1).seq())) + "); nothing more was written (run mlgates audit verify)");
        }
    }

    /**
     * Moves the head tag to {@code mine} once the change's tags are written, in the order of the places: it waits
     * for the writer of the place before to move the tag to its entry, so that the tag names an entry only when that
     * entry and every one before it are complete. A writer that does not come (it stopped between its entry and its
     * commit) is waited for a bounded time, then passed: its change stays incomplete, and verify names it.
     */
    private void commitHead(String name, AuditHead mine) throws RegistryException {
        for (int poll = 0; poll < COMMIT_POLLS; poll++) {
            long committed = committedSeq(name);
            if (committed >= mine.seq()) {
                return; // passed by a writer that waited for this one in vain
            }
            if (committed == mine.seq() - 1) {
                break;
            }
            pause();
        }
        setModelTag(name, AUDIT_HEAD, mine.seq() + " " + mine.hash());
    }

    /** The place the head tag names; 0 for none or an empty log's head. */
    private long committedSeq(String name) throws RegistryException {
        try {
            return headTag(modelTags(name)).map(AuditHead::seq).orElse(0L);
        } catch (MalformedFieldException e) {
            throw e.tampered(location());
        }
    }

    private static void pause() throws RegistryException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting for another writer of the audit log", e);
        }
    }

    /** Entry {@code seq} of a model's log, if its registered model exists. */
    private Optional<Slot> entryAt(String name, long seq) throws RegistryException {
        String entryName = entryName(name, seq);
        Optional<JsonNode> found = get("registered-models/get?name=" + encode(entryName));
        return found.map(json -> slot("registered model " + entryName, seq,
                Optional.ofNullable(tags(json.path("registered_model").path("tags")).get(ENTRY_TAG))));
    }

    private ObjectNode history(StageMoveRequest m) {
        ObjectNode h = f.objectNode().put("stage", m.stage()).put("kind", m.kind().name());
        if (m.expected().isPresent()) {
            h.put("from", m.expected().getAsInt());
        } else {
            h.putNull("from");
        }
        h.put("to", m.to()).put("actor", m.actor()).put("at", m.at().toString()).put("reason", m.reason())
                .put("emergency", m.emergency());
        h.set("evidence", CanonicalJson.parse(m.evidence()));
        return h;
    }

    private Optional<ModelVersion> toVersion(JsonNode v) throws RegistryTamperedException {
        Map<String, String> tags = tags(v.path("tags"));
        if (!tags.containsKey(DIGEST)) {
            return Optional.empty(); // a version that mlgates did not register: no digest, no evidence
        }
        int number = number(v.path("version").asText(), "version " + v.path("version").asText());
        String where = "version " + number + " tag ";
        try {
            return Optional.of(new ModelVersion(number, new Registration(v.path("name").asText(), tags.get(DIGEST),
                    v.path("source").asText(), Optional.ofNullable(tags.get(BUILD_LINK)),
                    tags.getOrDefault(AUTHOR, v.path("user_id").asText("?")),
                    Instant.parse(required(tags, REGISTERED_AT, where)),
                    RegistryJson.metrics(CanonicalJson.parse(tags.getOrDefault(METRICS, "{}"))),
                    RegistryJson.evidence(CanonicalJson.parse(tags.getOrDefault(EVIDENCE, "[]"))))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new RegistryTamperedException(location() + ": tampered with: " + where + "values: "
                    + StoredRow.shorten(String.valueOf(e.getMessage())));
        }
    }

    private String required(Map<String, String> tags, String key, String where) throws RegistryTamperedException {
        String value = tags.get(key);
        if (value == null) {
            throw new RegistryTamperedException(location() + ": tampered with: " + where + key + " is missing");
        }
        return value;
    }

    private Map<String, String> modelTags(String name) throws RegistryException {
        return get("registered-models/get?name=" + encode(name))
                .map(json -> tags(json.path("registered_model").path("tags"))).orElse(Map.of());
    }

    private Map<String, String> versionTags(String name, int version) throws RegistryException {
        return get("model-versions/get?name=" + encode(name) + "&version=" + version)
                .map(json -> tags(json.path("model_version").path("tags"))).orElse(Map.of());
    }

    private static Map<String, String> tags(JsonNode list) {
        Map<String, String> tags = new TreeMap<>();
        list.forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    private void setModelTag(String name, String key, String value) throws RegistryException {
        checkSize(key, value);
        call("POST", "registered-models/set-tag", f.objectNode().put("name", name).put("key", key).put("value", value));
    }

    private void setVersionTag(String name, int version, String key, String value) throws RegistryException {
        checkSize(key, value);
        call("POST", "model-versions/set-tag", f.objectNode().put("name", name).put("version", String.valueOf(version))
                .put("key", key).put("value", value));
    }

    private void checkSize(String key, String value) throws RegistryException {
        if (value.length() > MAX_TAG_VALUE) {
            throw new RegistryException(location() + ": tag " + key + " would hold " + value.length()
                    + " characters, more than the " + MAX_TAG_VALUE + " MLflow keeps");
        }
    }

    private static void tag(ArrayNode tags, String key, String value) {
        tags.addObject().put("key", key).put("value", value);
    }

    private static void tag(Map<String, String> tags, String key, String value) {
        tags.put(key, value);
    }

    private static String pad(long n) {
        return String.format("%08d", n);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every item of a paged search. */
    private List<JsonNode> pages(String query, String field) throws RegistryException {
        List<JsonNode> items = new ArrayList<>();
        String token = "";
        do {
            String page = query + (query.endsWith("?") ? "" : "&") + "max_results=1000"
                    + (token.isEmpty() ? "" : "&page_token=" + encode(token));
            JsonNode json = get(page).orElse(f.objectNode());
            json.path(field).forEach(items::add);
            token = json.path("next_page_token").asText("");
        } while (!token.isEmpty());
        return items;
    }

    /** A GET; empty when MLflow answers RESOURCE_DOES_NOT_EXIST. */
    private Optional<JsonNode> get(String pathAndQuery) throws RegistryException {
        return send(HttpRequest.newBuilder(api.resolve(pathAndQuery)).GET(), "GET " + pathAndQuery,
                "RESOURCE_DOES_NOT_EXIST");
    }

    private Optional<JsonNode> call(String method, String path, JsonNode body, String... tolerated)
            throws RegistryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return send(request, method + " " + path, tolerated);
    }

    private Optional<JsonNode> send(HttpRequest.Builder request, String what, String... tolerated)
            throws RegistryException {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException(location() + ": " + what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(location() + ": " + what + " was interrupted", e);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? f.objectNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new RegistryException(location() + ": " + what + " answered " + response.statusCode()
                    + " with something that is not JSON", e);
        }
        if (response.statusCode() / 100 == 2) {
            return Optional.of(json);
        }
        String code = json.path("error_code").asText("");
        for (String t : tolerated) {
            if (t.equals(code)) {
                return Optional.empty();
            }
        }
        throw new RegistryException(location() + ": " + what + " answered " + response.statusCode()
                + (code.isEmpty() ? "" : " " + code) + ": " + json.path("message").asText(response.body()));
    }
}
