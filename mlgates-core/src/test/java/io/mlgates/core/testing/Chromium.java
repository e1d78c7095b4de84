package io.mlgates.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol with the JDK's own WebSocket client: no
 * driver, no extra dependency. It listens on loopback only, and the flags keep it from reaching out to the network.
 * Shared through the core's test-jar by the browser tests of the command line's report and the plugin's build page.
 */
public final class Chromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final String session;

    /** The Chromium executable: $CHROMIUM, or the first of the usual names on the PATH. */
    public static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    public Chromium(Path executable, Path profile, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank").redirectErrorStream(true).redirectOutput(log.toFile());
        // Its own temporary files (sockets, locks) go beside the profile, so the test's folder takes them away.
        builder.environment().put("TMPDIR", Files.createDirectories(profile.resolveSibling("chromium-tmp")).toString());
        process = builder.start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IOException("Chromium did not start; its output is in " + log);
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(portFile);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()), new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String target = call(null, "Target.createTarget", json.createObjectNode().put("url", "about:blank"))
                .get("targetId").asText();
        session = call(null, "Target.attachToTarget", json.createObjectNode().put("targetId", target)
                .put("flatten", true)).get("sessionId").asText();
        for (String domain : new String[] {"Page", "Runtime", "Log", "Network", "Audits"}) {
            call(domain + ".enable", json.createObjectNode());
        }
    }

    /** Opens {@code url} at the given viewport and waits for its load event. */
    public void open(String url, int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", json.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        int before = events.size();
        call("Page.navigate", json.createObjectNode().put("url", url));
        Instant deadline = Instant.now().plus(TIMEOUT);
        // the stream of a copy-on-write list reads a snapshot; a subList of it would throw when an event arrives
        while (events.stream().skip(before)
                .noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("no load event for " + url);
            }
            Thread.sleep(50);
        }
        Thread.sleep(300); // late console messages and failed loads arrive just after the load event
    }

    /**
     * Everything the browser said went wrong since it started: console errors and warnings, uncaught exceptions,
     * log entries of level error or warning (CSP violations are among them), failed or blocked loads, and issues
     * (the Audits domain reports each Content-Security-Policy violation as one).
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        out.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        out.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
                                + p.path("entry").path("url").asText());
                    }
                }
                case "Network.loadingFailed" -> out.add("load failed: " + p.path("errorText").asText() + " "
                        + p.path("blockedReason").asText(""));
                case "Audits.issueAdded" -> out.add("issue: " + p.path("issue").path("code").asText() + " "
                        + p.path("issue").path("details"));
                default -> {
                }
            }
        }
        return out;
    }

    /** Evaluates an expression in the page (DevTools evaluation, which the page's own policy does not govern). */
    public JsonNode evaluate(String expression) throws Exception {
        return call("Runtime.evaluate", json.createObjectNode().put("expression", expression)
                .put("returnByValue", true)).path("result").path("value");
    }

    /** A PNG of the whole page, at most {@code maxHeight} pixels tall. */
    public byte[] screenshot(int width, int maxHeight) throws Exception {
        int height = Math.min(maxHeight, evaluate("document.documentElement.scrollHeight").asInt());
        call("Emulation.setDeviceMetricsOverride", json.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        ObjectNode clip = json.createObjectNode().put("x", 0).put("y", 0).put("width", width).put("height", height)
                .put("scale", 1);
        String data = call("Page.captureScreenshot", json.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true).set("clip", clip)).get("data").asText();
        return Base64.getDecoder().decode(data);
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(json.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    @Override
    public void close() throws IOException {
        try {
            if (socket != null) {
                try {
                    call(null, "Browser.close", json.createObjectNode()); // lets it remove its own files
                } catch (Exception e) {
                    // it may close the connection before answering; the process is ended below either way
                }
                process.waitFor(10, TimeUnit.SECONDS);
                socket.abort();
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while closing Chromium", e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        events.add(message);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message", e);
                } finally {
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
