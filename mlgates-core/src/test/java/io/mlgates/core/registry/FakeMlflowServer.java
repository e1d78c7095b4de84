package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MLflow tracking server's Model Registry REST API 2.0, on loopback, as {@code mlflow/protos/model_registry.proto}
 * documents it: the endpoints mlgates calls, JSON field names as in the protos (snake case), versions as strings,
 * empty lists left out, errors as {@code {"error_code", "message"}} with MLflow's HTTP statuses (404 for
 * RESOURCE_DOES_NOT_EXIST, 400 for RESOURCE_ALREADY_EXISTS and INVALID_PARAMETER_VALUE). Searches page two items at
 * a time, as a backend may choose a lower maximum than asked for.
 */
public final class FakeMlflowServer implements AutoCloseable {
    private static final String PREFIX = "/api/2.0/mlflow/";
    private static final int PAGE = 2;

    private final HttpServer server;
    private final Optional<String> token;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory f = JsonNodeFactory.instance;
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private long clock = 1_764_150_000_000L;

    private static final class Model {
        final String name;
        final long created;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> aliases = new LinkedHashMap<>();
        final List<Version> versions = new ArrayList<>();

        Model(String name, long created) {
            this.name = name;
            this.created = created;
        }
    }

    private static final class Version {
        final String number;
        final String source;
        final long created;
        final Map<String, String> tags = new LinkedHashMap<>();

        Version(String number, String source, long created) {
            this.number = number;
            this.source = source;
            this.created = created;
        }
    }

    public FakeMlflowServer(Optional<String> token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request as {@code METHOD path}, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Edits a registered model's tag behind mlgates' back, as someone with write access could. */
    synchronized void editModelTag(String model, String key, String value) {
        models.get(model).tags.put(key, value);
    }

    synchronized Map<String, String> modelTags(String model) {
        return Map.copyOf(models.get(model).tags);
    }

    synchronized Map<String, String> versionTags(String model, String version) {
        return Map.copyOf(find(model, version).orElseThrow().tags);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        try {
            if (token.isPresent() && !("Bearer " + token.get()).equals(
                    exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "UNAUTHENTICATED", "You are not authenticated.");
                return;
            }
            if (!path.startsWith(PREFIX)) {
                error(exchange, 404, "ENDPOINT_NOT_FOUND", "No endpoint " + path);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            JsonNode body = method.equals("GET") ? f.objectNode()
                    : mapper.readTree(exchange.getRequestBody().readAllBytes());
            route(exchange, method + " " + path.substring(PREFIX.length()), query, body);
        } catch (RuntimeException e) {
            error(exchange, 500, "INTERNAL_ERROR", String.valueOf(e));
        }
    }

    private void route(HttpExchange x, String endpoint, Map<String, String> q, JsonNode body) throws IOException {
        switch (endpoint) {
            case "POST registered-models/create" -> {
                String name = body.path("name").asText();
                if (models.containsKey(name)) {
                    error(x, 400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
                    return;
                }
                Model m = new Model(name, clock++);
                // created with its tags at once, as MLflow's database store does in one transaction
                body.path("tags").forEach(t -> m.tags.put(t.path("key").asText(), t.path("value").asText()));
                models.put(name, m);
                ok(x, f.objectNode().set("registered_model", model(m)));
            }
            case "GET registered-models/get" -> {
                Model m = models.get(q.get("name"));
                if (m == null) {
                    missingModel(x, q.get("name"));
                    return;
                }
                ok(x, f.objectNode().set("registered_model", model(m)));
            }
            case "GET registered-models/search" -> {
                // MLflow's filter for registered models: name = '...' or name LIKE '...' (% any run, _ one character)
                Pattern wanted = Pattern.compile(".*", Pattern.DOTALL);
                if (q.containsKey("filter")) {
                    Matcher like = Pattern.compile("name (=|LIKE) '((?:[^'\\\\]|\\\\.)*)'").matcher(q.get("filter"));
                    if (!like.matches()) {
                        error(x, 400, "INVALID_PARAMETER_VALUE", "Invalid filter '" + q.get("filter") + "'");
                        return;
                    }
                    String value = like.group(2).replace("\\'", "'");
                    StringBuilder regex = new StringBuilder();
                    for (char c : value.toCharArray()) {
                        regex.append(like.group(1).equals("LIKE") && c == '%' ? ".*"
                                : like.group(1).equals("LIKE") && c == '_' ? "." : Pattern.quote(String.valueOf(c)));
                    }
                    wanted = Pattern.compile(regex.toString(), Pattern.DOTALL);
                }
                List<JsonNode> all = new ArrayList<>();
                for (Model m : models.values()) {
                    if (wanted.matcher(m.name).matches()) {
                        all.add(model(m));
                    }
                }
                page(x, all, "registered_models", q);
            }
            case "POST registered-models/set-tag" -> {
                Model m = models.get(body.path("name").asText());
                if (m == null) {
                    missingModel(x, body.path("name").asText());
                    return;
                }
                m.tags.put(body.path("key").asText(), body.path("value").asText());
                ok(x, f.objectNode());
            }
            case "POST model-versions/create" -> {
                Model m = models.get(body.path("name").asText());
                if (m == null) {
                    missingModel(x, body.path("name").asText());
                    return;
                }
                Version v = new Version(String.valueOf(m.versions.size() + 1), body.path("source").asText(), clock++);
                body.path("tags").forEach(t -> v.tags.put(t.path("key").asText(), t.path("value").asText()));
                m.versions.add(v);
                ok(x, f.objectNode().set("model_version", version(m, v)));
            }
            case "GET model-versions/get" -> {
                Optional<Version> v = find(q.get("name"), q.get("version"));
                if (v.isEmpty()) {
                    missingVersion(x, q.get("name"), q.get("version"));
                    return;
                }
                ok(x, f.objectNode().set("model_version", version(models.get(q.get("name")), v.get())));
            }
            case "GET model-versions/search" -> {
                Matcher name = Pattern.compile("name='(.*)'").matcher(q.getOrDefault("filter", ""));
                if (!name.matches()) {
                    error(x, 400, "INVALID_PARAMETER_VALUE", "Invalid filter '" + q.get("filter") + "'");
                    return;
                }
                List<JsonNode> all = new ArrayList<>();
                Model m = models.get(name.group(1));
                if (m != null) {
                    m.versions.forEach(v -> all.add(version(m, v)));
                }
                page(x, all, "model_versions", q);
            }
            case "POST model-versions/set-tag" -> {
                Optional<Version> v = find(body.path("name").asText(), body.path("version").asText());
                if (v.isEmpty()) {
                    missingVersion(x, body.path("name").asText(), body.path("version").asText());
                    return;
                }
                v.get().tags.put(body.path("key").asText(), body.path("value").asText());
                ok(x, f.objectNode());
            }
            case "POST registered-models/alias" -> {
                Optional<Version> v = find(body.path("name").asText(), body.path("version").asText());
                if (v.isEmpty()) {
                    missingVersion(x, body.path("name").asText(), body.path("version").asText());
                    return;
                }
                models.get(body.path("name").asText()).aliases.put(body.path("alias").asText(), v.get().number);
                ok(x, f.objectNode());
            }
            case "GET registered-models/alias" -> {
                Model m = models.get(q.get("name"));
                String number = m == null ? null : m.aliases.get(q.get("alias"));
                if (number == null) {
                    error(x, 404, "RESOURCE_DOES_NOT_EXIST", "Registered model alias " + q.get("alias")
                            + " not found.");
                    return;
                }
                ok(x, f.objectNode().set("model_version", version(m, find(m.name, number).orElseThrow())));
            }
            default -> error(x, 404, "ENDPOINT_NOT_FOUND", "No endpoint " + endpoint);
        }
    }

    private Optional<Version> find(String model, String number) {
        Model m = models.get(model);
        return m == null ? Optional.empty() : m.versions.stream().filter(v -> v.number.equals(number)).findFirst();
    }

    private ObjectNode model(Model m) {
        ObjectNode node = f.objectNode().put("name", m.name).put("creation_timestamp", m.created)
                .put("last_updated_timestamp", m.created);
        putTags(node, m.tags);
        if (!m.aliases.isEmpty()) {
            ArrayNode aliases = node.putArray("aliases");
            m.aliases.forEach((alias, version) -> aliases.addObject().put("alias", alias).put("version", version));
        }
        return node;
    }

    private ObjectNode version(Model m, Version v) {
        ObjectNode node = f.objectNode().put("name", m.name).put("version", v.number)
                .put("creation_timestamp", v.created).put("last_updated_timestamp", v.created)
                .put("current_stage", "None").put("source", v.source).put("status", "READY");
        putTags(node, v.tags);
        List<String> aliases = new ArrayList<>();
        m.aliases.forEach((alias, number) -> {
            if (number.equals(v.number)) {
                aliases.add(alias);
            }
        });
        if (!aliases.isEmpty()) {
            ArrayNode list = node.putArray("aliases");
            aliases.forEach(list::add);
        }
        return node;
    }

    private static void putTags(ObjectNode node, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode list = node.putArray("tags");
            tags.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        }
    }

    private void page(HttpExchange x, List<JsonNode> all, String field, Map<String, String> q) throws IOException {
        int from = Integer.parseInt(q.getOrDefault("page_token", "0"));
        int size = Math.min(PAGE, Integer.parseInt(q.getOrDefault("max_results", "100")));
        ObjectNode json = f.objectNode();
        if (from < all.size()) {
            ArrayNode items = json.putArray(field);
            all.subList(from, Math.min(all.size(), from + size)).forEach(items::add);
        }
        if (from + size < all.size()) {
            json.put("next_page_token", String.valueOf(from + size));
        }
        ok(x, json);
    }

    private void missingModel(HttpExchange x, String name) throws IOException {
        error(x, 404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found");
    }

    private void missingVersion(HttpExchange x, String name, String version) throws IOException {
        error(x, 404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + name + ", version=" + version
                + ") not found");
    }

    private void ok(HttpExchange x, JsonNode json) throws IOException {
        send(x, 200, json);
    }

    private void error(HttpExchange x, int status, String code, String message) throws IOException {
        send(x, status, f.objectNode().put("error_code", code).put("message", message));
    }

    private void send(HttpExchange x, int status, JsonNode json) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(json);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
