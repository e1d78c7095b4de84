package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.testing.FixedClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlgates report --pack} on the credit-risk example: every file in the manifest with its SHA-256 (checked
 * here), the manifest's signature checked by {@code ssh-keygen -Y verify}, the index's evidence present in the pack or
 * its absence said, the audit chain's entries for the candidate with the head {@code audit verify} reports, users'
 * strings escaped in the HTML index, and a failed pack leaving nothing behind.
 */
class EvidencePackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path repo;
    private Path pack;
    private StringWriter out;
    private StringWriter err;

    private int run(Path folder, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.execute(TestEnvironment.FIXED.in(folder), new PrintWriter(out, true), new PrintWriter(err, true),
                args);
    }

    @BeforeEach
    void judged() throws Exception {
        repo = ExampleRepository.copyInto(tmp);
        assertThat(run(tmp, "run", repo.toString())).as(err.toString()).isZero();
        pack = repo.resolve(".mlgates/evidence-pack");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every file of the pack, relative, but the manifest and its signature. */
    private Map<String, String> files() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(pack)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = pack.relativize(f).toString();
                if (!rel.equals("SHA256SUMS") && !rel.equals("SHA256SUMS.sig")) {
                    files.put(rel, sha256(f));
                }
            }
        }
        return files;
    }

    @Test
    @DisplayName("the pack holds the report, the results, the BOM, the audit chain and the index; the signed manifest names every file")
    void signedPack() throws Exception {
        // an approval, so that the audit chain holds one for the candidate
        assertThat(run(tmp, "approve", repo.toString(), "--stage", "production", "--reason", "reviewed", "--as",
                "priya")).as(err.toString()).isZero();
        Path key = SshKeys.keygen(tmp.resolve("keys"), "auditor@example.com");
        assertThat(run(repo, "report", "--pack", "--sign-key", key.toString())).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo(pack.resolve("index.html").toString());

        Map<String, String> files = files();
        assertThat(files).containsKeys("index.html", "index.json", "bom.cdx.json", "audit/chain.json",
                "report/index.html", "results/validate.json", "results/ethics.json",
                "results/TEST-mlgates-validate.xml", "repository/mlgates.yaml", "repository/MODEL_CARD.md",
                "repository/data/DATASHEET.md");
        assertThat(files.get("results/validate.json")).isEqualTo(sha256(repo.resolve(".mlgates/results/validate.json")));
        Map<String, String> manifest = new TreeMap<>();
        for (String line : Files.readAllLines(pack.resolve("SHA256SUMS"))) {
            manifest.put(line.substring(66), line.substring(0, 64));
        }
        assertThat(manifest).isEqualTo(files);

        // the signature, checked by OpenSSH itself against the signer's public key
        Path allowed = Files.writeString(tmp.resolve("allowed_signers"), "auditor@example.com "
                + Files.readString(key.resolveSibling("auditor@example.com.pub")));
        Process verify = new ProcessBuilder("ssh-keygen", "-Y", "verify", "-f", allowed.toString(), "-I",
                "auditor@example.com", "-n", "mlgates-evidence-pack", "-s", pack.resolve("SHA256SUMS.sig").toString())
                .redirectInput(pack.resolve("SHA256SUMS").toFile()).redirectErrorStream(true).start();
        assertThat(verify.waitFor()).as(new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        // and refused for a manifest changed by one byte
        Path changed = Files.writeString(tmp.resolve("changed"), Files.readString(pack.resolve("SHA256SUMS"))
                .replaceFirst("^.", "0".equals(Files.readString(pack.resolve("SHA256SUMS")).substring(0, 1)) ? "1" : "0"));
        Process refused = new ProcessBuilder("ssh-keygen", "-Y", "verify", "-f", allowed.toString(), "-I",
                "auditor@example.com", "-n", "mlgates-evidence-pack", "-s", pack.resolve("SHA256SUMS.sig").toString())
                .redirectInput(changed.toFile()).redirectErrorStream(true).start();
        assertThat(refused.waitFor()).isNotZero();

        JsonNode index = JSON.readTree(pack.resolve("index.json").toFile());
        String digest = JSON.readTree(pack.resolve("results/validate.json").toFile()).path("candidate").path("digest")
                .asText();
        assertThat(index.path("candidate").asText()).isEqualTo(digest);
        assertThat(index.path("writtenAt").asText()).isEqualTo(FixedClock.JUDGED_AT.toString());
        assertThat(index.path("manifest").path("signature").asText()).isEqualTo("SHA256SUMS.sig");
        // every file the index names is in the pack; what is absent says why
        List<String> absent = new ArrayList<>();
        for (JsonNode framework : index.path("frameworks")) {
            for (JsonNode item : framework.path("items")) {
                for (JsonNode e : item.path("evidence")) {
                    e.path("files").forEach(f -> assertThat(pack.resolve(f.asText())).as(f.asText()).isRegularFile());
                    if (e.path("files").isEmpty()) {
                        absent.add(e.path("evidence").asText() + ": " + e.path("absent").asText());
                    }
                }
            }
        }
        assertThat(absent).containsOnly("attestations: no *.intoto.jsonl in the results folder (mlgates attest"
                + " writes them)");
        assertThat(index.path("frameworks").get(0).path("items")).hasSize(9);
        assertThat(index.path("frameworks").get(1).path("items").get(0).path("id").asText()).isEqualTo("MEASURE 1.1");

        // the audit chain's entries for the candidate, and the head audit verify reports
        JsonNode chain = JSON.readTree(pack.resolve("audit/chain.json").toFile());
        assertThat(run(tmp, "audit", "verify", repo.toString(), "--format", "json")).isZero();
        JsonNode verified = JSON.readTree(out.toString());
        assertThat(chain.path("chainHead").asText()).isEqualTo(verified.path("chainHead").asText());
        assertThat(chain.path("intact").asBoolean()).isTrue();
        List<String> actions = new ArrayList<>();
        chain.path("entries").forEach(e -> {
            assertThat(e.path("digest").asText()).isEqualTo(digest);
            actions.add(e.path("action").asText() + " " + e.path("actor").asText());
        });
        assertThat(actions).containsExactly("register tester", "promote tester", "approve priya");

        // the BOM in the pack validates, and its references are files of the pack with their digests
        JsonNode bom = JSON.readTree(pack.resolve("bom.cdx.json").toFile());
        assertThat(BomCommandTest.officialSchema().validate(bom)).isEmpty();
        for (JsonNode ref : bom.path("metadata").path("component").path("externalReferences")) {
            assertThat(sha256(pack.resolve(ref.path("url").asText())))
                    .isEqualTo(ref.path("hashes").get(0).path("content").asText());
        }
    }

    @Test
    @DisplayName("attestations in the results folder go in; without a registry the index says the audit chain is absent")
    void attestationsAndNoRegistry() throws Exception {
        Path fresh = ExampleRepository.copyInto(tmp.resolve("fresh"));
        assertThat(run(tmp, "run", fresh.toString(), "--no-promote")).as(err.toString()).isZero();
        Files.writeString(fresh.resolve(".mlgates/results/validate.intoto.jsonl"), "{\"payloadType\":\"x\"}\n");
        assertThat(run(fresh, "report", "--pack", "--out", "pack")).as(err.toString()).isZero();
        Path p = fresh.resolve("pack");
        assertThat(p.resolve("attestations/validate.intoto.jsonl")).hasContent("{\"payloadType\":\"x\"}");
        assertThat(p.resolve("results/validate.intoto.jsonl")).doesNotExist();
        assertThat(p.resolve("audit")).doesNotExist();
        assertThat(p.resolve("SHA256SUMS.sig")).doesNotExist();
        JsonNode index = JSON.readTree(p.resolve("index.json").toFile());
        Map<String, String> absent = new TreeMap<>();
        index.path("absent").forEach(a -> absent.put(a.path("evidence").asText(), a.path("reason").asText()));
        assertThat(absent).containsOnlyKeys("audit", "approvals", "signature");
        assertThat(absent.get("audit")).startsWith("no registry at .mlgates/registry.db");
        assertThat(absent.get("signature")).contains("--sign-key");
        assertThat(index.path("manifest").path("signature").isNull()).isTrue();

        // a pack inside the results folder would copy itself into the next one
        assertThat(run(fresh, "report", "--pack", "--out", ".mlgates/results/pack")).isEqualTo(2);
        assertThat(err.toString()).contains("lie one inside the other");
        assertThat(fresh.resolve(".mlgates/results/pack")).doesNotExist();
    }

    @Test
    @DisplayName("file names from the results folder are escaped in the HTML index, and the page parses as HTML")
    void escapesUsersStrings() throws Exception {
        String hostile = "<img src=x onerror=alert(1)> & \"q\"";
        Files.writeString(repo.resolve(".mlgates/results/" + hostile + ".txt"), "note");
        assertThat(run(repo, "report", "--pack")).as(err.toString()).isZero();
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document page = Jsoup.parse(Files.readString(pack.resolve("index.html")), "", parser);
        assertThat(parser.getErrors()).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.text()).contains("results/" + hostile + ".txt");
        // the link reaches the file: its name percent-encoded where a URL needs it
        String href = page.select("a:contains(.txt)").attr("href");
        assertThat(pack.resolve(java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8)))
                .isRegularFile();
    }

    @Test
    @DisplayName("a pack that cannot be made leaves the previous one as it was and no temporary folder")
    void nothingHalfWritten() throws Exception {
        assertThat(run(repo, "report", "--pack")).as(err.toString()).isZero();
        String before = Files.readString(pack.resolve("SHA256SUMS"));
        assertThat(run(repo, "report", "--pack", "--sign-key", tmp.resolve("no-such-key").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("ssh-keygen");
        assertThat(Files.readString(pack.resolve("SHA256SUMS"))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(pack.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".old") || n.endsWith(".del"));
        }
        // a model changed since the gates judged it has no evidence: bad input, no pack
        Files.writeString(repo.resolve("model/features.json"), "{}");
        assertThat(run(repo, "report", "--pack", "--out", "other")).isEqualTo(2);
        assertThat(err.toString()).contains("no gate result for the candidate");
        assertThat(repo.resolve("other")).doesNotExist();
    }
}
