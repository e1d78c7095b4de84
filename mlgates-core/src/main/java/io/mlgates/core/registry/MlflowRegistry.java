package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.audit.AuditChain;
import io.mlgates.core.audit.AuditEntry;
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
 * <p>MLflow has no transactions: a move checks the alias, writes its history and audit entries, then sets the
 * alias and reads it back, so a race between two writers is detected (the loser is told) but not prevented as
 * the embedded registry prevents it. The audit log and {@link #verifyAudit} cover the model this instance was
 * opened for. The token, when the environment has {@value #TOKEN_VARIABLE}, is sent as a bearer token.
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
    public ModelVersion register(Registration r) throws RegistryException {
        Optional<ModelVersion> existing = versionByDigest(r.model(), r.digest());
        if (existing.isPresent()) {
            return existing.get();
        }
        // a registered model that exists already is as good as a new one
        call("POST", "registered-models/create", f.objectNode().put("name", r.model()), "RESOURCE_ALREADY_EXISTS");
        ObjectNode request = f.objectNode().put("name", r.model()).put("source", r.source());
        ArrayNode tags = request.putArray("tags");
        tag(tags, DIGEST, r.digest());
        tag(tags, AUTHOR, r.author());
        tag(tags, REGISTERED_AT, r.at().toString());
        r.buildLink().ifPresent(link -> tag(tags, BUILD_LINK, link));
        tag(tags, EVIDENCE, CanonicalJson.of(RegistryJson.evidence(r.evidence())));
        tag(tags, METRICS, CanonicalJson.of(RegistryJson.metrics(r.metrics())));
        for (JsonNode t : tags) {
            checkSize(t.path("key").asText(), t.path("value").asText());
        }
        JsonNode version = call("POST", "model-versions/create", request).orElseThrow().path("model_version");
        int number = Integer.parseInt(version.path("version").asText());
        append(new AuditRecord(r.at(), r.author(), "register", r.model(), "", OptionalInt.of(number), r.digest(),
                RegistryJson.registrationEvidence(r)));
        return new ModelVersion(number, r);
    }

    @Override
    public Optional<ModelVersion> version(String name, int version) throws RegistryException {
        return get("model-versions/get?name=" + encode(name) + "&version=" + version)
                .flatMap(json -> toVersion(json.path("model_version")));
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
            names.add(m.path("name").asText());
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public OptionalInt current(String name, String stage) throws RegistryException {
        Optional<JsonNode> found = get("registered-models/alias?name=" + encode(name) + "&alias=" + encode(stage));
        return found.map(json -> OptionalInt.of(Integer.parseInt(json.path("model_version").path("version").asText())))
                .orElse(OptionalInt.empty());
    }

    @Override
    public Map<String, Integer> stages(String name) throws RegistryException {
        Map<String, Integer> stages = new LinkedHashMap<>();
        Optional<JsonNode> found = get("registered-models/get?name=" + encode(name));
        if (found.isPresent()) {
            for (JsonNode alias : found.get().path("registered_model").path("aliases")) {
                stages.put(alias.path("alias").asText(), Integer.parseInt(alias.path("version").asText()));
            }
        }
        return stages;
    }

    @Override
    public StageMove move(StageMoveRequest m) throws RegistryException {
        OptionalInt actual = current(m.model(), m.stage());
        if (!actual.equals(m.expected())) {
            throw new StageConflictException(m.model(), m.stage(), m.expected(), actual);
        }
        ModelVersion target = version(m.model(), m.to()).orElseThrow(() -> new RegistryException(location() + ": "
                + m.model() + " has no version " + m.to() + " registered by mlgates"));
        Map<String, String> modelTags = modelTags(m.model());
        long id = modelTags.keySet().stream().filter(k -> k.startsWith(HISTORY)).count() + 1;
        String entry = CanonicalJson.of(history(m));
        setModelTag(m.model(), HISTORY + pad(id), entry);
        setVersionTag(m.model(), m.to(), "mlgates." + m.stage() + "." + m.kind().action(), CanonicalJson.of(
                f.objectNode().put("actor", m.actor()).put("at", m.at().toString()).put("historyId", id)));
        append(new AuditRecord(m.at(), m.actor(), m.kind().action(), m.model(), m.stage(), OptionalInt.of(m.to()),
                target.digest(), RegistryJson.moveEvidence(m)));
        // the alias is what deployments read: it moves last, once the evidence is in place, and is read back
        call("POST", "registered-models/alias", f.objectNode().put("name", m.model()).put("alias", m.stage())
                .put("version", String.valueOf(m.to())));
        OptionalInt confirmed = current(m.model(), m.stage());
        if (confirmed.isEmpty() || confirmed.getAsInt() != m.to()) {
            throw new StageConflictException(m.model(), m.stage(), OptionalInt.of(m.to()), confirmed);
        }
        return new StageMove(id, m);
    }

    @Override
    public List<StageMove> history(String name) throws RegistryException {
        List<StageMove> moves = new ArrayList<>();
        for (Map.Entry<String, String> tag : modelTags(name).entrySet()) {
            if (tag.getKey().startsWith(HISTORY)) {
                JsonNode h = CanonicalJson.parse(tag.getValue());
                JsonNode from = h.path("from");
                moves.add(new StageMove(Long.parseLong(tag.getKey().substring(HISTORY.length())),
                        new StageMoveRequest(name, h.path("stage").asText(),
                                from.isInt() ? OptionalInt.of(from.asInt()) : OptionalInt.empty(), h.path("to").asInt(),
                                StageMove.Kind.valueOf(h.path("kind").asText()), h.path("actor").asText(),
                                Instant.parse(h.path("at").asText()), h.path("reason").asText(),
                                h.path("emergency").asBoolean(), CanonicalJson.of(h.path("evidence")))));
            }
        }
        moves.sort(Comparator.comparingLong(StageMove::id));
        return moves;
    }

    @Override
    public void decide(Approval a) throws RegistryException {
        ModelVersion version = versionByDigest(a.model(), a.digest()).orElseThrow(() -> new RegistryException(
                location() + ": " + a.model() + " has no version with digest " + a.digest()));
        long n = versionTags(a.model(), version.version()).keySet().stream()
                .filter(k -> k.startsWith(APPROVAL + a.stage() + ".")).count() + 1;
        setVersionTag(a.model(), version.version(), APPROVAL + a.stage() + "." + pad(n), CanonicalJson.of(
                f.objectNode().put("approver", a.approver()).put("decision", a.decision().name())
                        .put("reason", a.reason()).put("at", a.at().toString())));
        append(new AuditRecord(a.at(), a.approver(), a.decision().action(), a.model(), a.stage(),
                OptionalInt.of(version.version()), a.digest(), RegistryJson.decisionEvidence(a)));
    }

    @Override
    public List<Approval> approvals(String name, String digest, String stage) throws RegistryException {
        Optional<ModelVersion> version = versionByDigest(name, digest);
        if (version.isEmpty()) {
            return List.of();
        }
        List<Approval> approvals = new ArrayList<>();
        Map<String, String> tags = new TreeMap<>(versionTags(name, version.get().version()));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().startsWith(APPROVAL + stage + ".")) {
                JsonNode a = CanonicalJson.parse(tag.getValue());
                approvals.add(new Approval(name, digest, stage, a.path("approver").asText(),
                        Approval.Decision.valueOf(a.path("decision").asText()), a.path("reason").asText(),
                        Instant.parse(a.path("at").asText())));
            }
        }
        return approvals;
    }

    @Override
    public List<AuditEntry> auditLog() throws RegistryException {
        return auditLog(modelTags(model));
    }

    @Override
    public AuditVerification verifyAudit() throws RegistryException {
        Map<String, String> tags = modelTags(model);
        Optional<AuditHead> head = Optional.ofNullable(tags.get(AUDIT_HEAD)).map(h -> {
            String[] parts = h.split(" ");
            return new AuditHead(Long.parseLong(parts[0]), parts[1]);
        });
        return AuditChain.verify(auditLog(tags), head);
    }

    @Override
    public void close() {
        // the HTTP client holds no connection open between calls that needs closing on Java 17
    }

    private List<AuditEntry> auditLog(Map<String, String> tags) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().startsWith(AUDIT)) {
                JsonNode e = CanonicalJson.parse(tag.getValue());
                JsonNode version = e.path("version");
                entries.add(new AuditEntry(e.path("seq").asLong(), new AuditRecord(Instant.parse(e.path("at").asText()),
                        e.path("actor").asText(), e.path("action").asText(), e.path("model").asText(),
                        e.path("stage").asText(), version.isInt() ? OptionalInt.of(version.asInt())
                        : OptionalInt.empty(), e.path("digest").asText(), e.path("evidence").asText()),
                        e.path("previousHash").asText(), e.path("hash").asText()));
            }
        }
        entries.sort(Comparator.comparingLong(AuditEntry::seq));
        return entries;
    }

    /** Appends to the chain of the record's model: its tags hold the entries and the head. */
    private void append(AuditRecord record) throws RegistryException {
        Map<String, String> tags = modelTags(record.model());
        String head = tags.get(AUDIT_HEAD);
        long seq = head == null ? 1 : Long.parseLong(head.split(" ")[0]) + 1;
        String previous = head == null ? AuditChain.GENESIS : head.split(" ")[1];
        AuditEntry entry = AuditChain.seal(seq, record, previous);
        ObjectNode json = f.objectNode().put("seq", seq).put("at", record.at().toString()).put("actor", record.actor())
                .put("action", record.action()).put("model", record.model()).put("stage", record.stage());
        if (record.version().isPresent()) {
            json.put("version", record.version().getAsInt());
        } else {
            json.putNull("version");
        }
        json.put("digest", record.digest()).put("evidence", record.evidence()).put("previousHash", previous)
                .put("hash", entry.hash());
        setModelTag(record.model(), AUDIT + pad(seq), CanonicalJson.of(json));
        setModelTag(record.model(), AUDIT_HEAD, seq + " " + entry.hash());
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

    private Optional<ModelVersion> toVersion(JsonNode v) {
        Map<String, String> tags = tags(v.path("tags"));
        if (!tags.containsKey(DIGEST)) {
            return Optional.empty(); // a version that mlgates did not register: no digest, no evidence
        }
        return Optional.of(new ModelVersion(Integer.parseInt(v.path("version").asText()), new Registration(
                v.path("name").asText(), tags.get(DIGEST), v.path("source").asText(),
                Optional.ofNullable(tags.get(BUILD_LINK)), tags.getOrDefault(AUTHOR, v.path("user_id").asText("?")),
                Instant.parse(tags.get(REGISTERED_AT)),
                RegistryJson.metrics(CanonicalJson.parse(tags.getOrDefault(METRICS, "{}"))),
                RegistryJson.evidence(CanonicalJson.parse(tags.getOrDefault(EVIDENCE, "[]"))))));
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
