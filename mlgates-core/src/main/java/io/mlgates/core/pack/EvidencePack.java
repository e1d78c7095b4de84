package io.mlgates.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditFinding;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditVerification;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.bom.BomJson;
import io.mlgates.core.bom.BomReader;
import io.mlgates.core.bom.BomSources;
import io.mlgates.core.bom.InvalidBomException;
import io.mlgates.core.bom.ModelBom;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.identity.SshKeygen;
import io.mlgates.core.policy.Dataset;
import io.mlgates.core.policy.DocumentationPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.report.Disk;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.RunFolder;
import io.mlgates.core.report.html.EvidenceIndexPage;
import io.mlgates.core.report.html.StaticReport;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder for an auditor (docs/evidence-pack.md): the HTML report, every result file, the attestations, the ML-BOM,
 * the audit chain's entries for the candidate with the chain head, an index (HTML and JSON) that maps each item of the
 * EU AI Act's Annex IV 2(g) and the NIST AI RMF's MEASURE function to the files that answer it, and the manifest
 * {@code SHA256SUMS} of every file, signed when a key is given. The pack is written into a staging folder beside its
 * place and renamed into it ({@link RunFolder}): it appears whole or not at all.
 */
public final class EvidencePack {
    /** The SSH signature namespace of a pack's manifest: a signature made for an approval is not one for a pack. */
    public static final String NAMESPACE = "mlgates-evidence-pack";
    static final String RESULTS = "results";
    static final String ATTESTATIONS = "attestations";
    static final String REPORT = "report";
    static final String REPOSITORY = "repository";
    static final String AUDIT = "audit";
    static final String AUDIT_FILE = AUDIT + "/chain.json";
    static final String BOM_FILE = "bom.cdx.json";
    static final String INDEX_JSON = "index.json";
    static final String INDEX_HTML = "index.html";
    private static final String ATTESTATION_SUFFIX = ".intoto.jsonl";
    /** Results of builds kept in subfolders: as deep as the report reads them. */
    private static final int MAX_DEPTH = 4;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidencePack() {
    }

    /**
     * What a pack is made of.
     *
     * @param results the results folder, and how messages name it
     * @param registry the registry opened for reading, or empty with {@code registryAbsent} saying why
     * @param signingKey an SSH private key to sign the manifest with ({@code ssh-keygen -Y sign}), if any
     */
    public record Input(Workspace workspace, LoadedPolicy policy, Path results, String resultsShown,
                        Optional<ModelRegistry> registry, String registryAbsent, Optional<Path> signingKey,
                        Instant now) {
        public Input {
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(results, "results");
            Objects.requireNonNull(resultsShown, "resultsShown");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(registryAbsent, "registryAbsent");
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(now, "now");
        }
    }

    /**
     * Writes the pack into {@code pack}, replacing what was there as a whole.
     *
     * @return the pack's {@code index.html}
     * @throws BadInputException a results folder without a result for the candidate as it is now, a JSON file there
     *     that is not a gate result, a document the policy names that cannot be read
     * @throws InvalidBomException the BOM does not validate (a fault of ours): no pack is written
     * @throws IOException writing failed, or signing did (ssh-keygen's message): no pack is written
     */
    public static Path write(Input in, Path pack, Disk disk) throws BadInputException, InvalidBomException,
            IOException {
        if (!Files.isDirectory(in.results(), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(in.resultsShown(), 0, 0, "not a folder: expected the results folder of"
                    + " the gates (mlgates run writes it)");
        }
        Path results = in.results().toAbsolutePath().normalize();
        Path target = pack.toAbsolutePath().normalize();
        if (target.startsWith(results) || results.startsWith(target)) {
            // the pack copies the results folder: inside it, each pack would hold the one before
            throw new BadInputException(pack.toString(), 0, 0, "the evidence pack and the results folder "
                    + in.resultsShown() + " lie one inside the other; write the pack to a folder of its own");
        }
        try (RunFolder run = RunFolder.begin(pack, disk)) {
            Path staging = run.staging();
            Contents contents = new Contents();
            copyResults(in, run, disk, contents);
            List<GateResult> all = readResults(staging, contents.resultFiles);
            if (all.isEmpty()) {
                throw new BadInputException(in.resultsShown(), 0, 0, "no gate result (*.json) in this folder;"
                        + " `mlgates run` writes them");
            }
            StaticReport.write(all, run.folderFor(REPORT));
            Map<Path, String> documents = copyDocuments(in, run, disk, contents);

            BomSources sources = BomReader.read(in.workspace(), in.policy(), staging.resolve(RESULTS), in
                    .resultsShown(), file -> locate(staging, documents, file), in.now());
            byte[] bom = BomJson.validated(ModelBom.of(sources));
            run.write(BOM_FILE, out -> out.write(bom));
            String digest = sources.artefacts().candidate().digest();
            List<GateResult> judged = sources.results().stream().map(BomSources.ResultFile::result).toList();
            List<String> judgedFiles = sources.results().stream().map(r -> r.file().url()).toList();

            Optional<ObjectNode> audit = audit(in, digest, contents);
            if (audit.isPresent()) {
                contents.auditWritten = true;
                Path dir = run.folderFor(AUDIT);
                byte[] bytes = JSON.writeValueAsBytes(audit.get());
                AtomicFiles.write(disk, dir.resolve("chain.json"), out -> out.write(bytes));
            }
            Map<Evidence, Found> found = evidence(in, judged, judgedFiles, documents, contents);
            ObjectNode index = index(in, sources, judged, judgedFiles, found, contents);
            byte[] indexJson = JSON.writeValueAsBytes(index);
            run.write(INDEX_JSON, out -> out.write(indexJson));
            String html = EvidenceIndexPage.render(page(index, found));
            run.write(INDEX_HTML, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
            run.commit(manifest -> in.signingKey().isEmpty() ? Optional.empty() : Optional.of(
                    SshKeygen.sign(in.signingKey().get(), NAMESPACE, manifest).getBytes(StandardCharsets.UTF_8)));
        }
        return pack.resolve(INDEX_HTML);
    }

    /** What was put into the pack, as paths inside it. */
    private static final class Contents {
        final List<String> resultFiles = new ArrayList<>();
        final List<String> junitFiles = new ArrayList<>();
        final List<String> otherFiles = new ArrayList<>();
        final List<String> attestations = new ArrayList<>();
        final List<String> datasheets = new ArrayList<>();
        Optional<String> policy = Optional.empty();
        Optional<String> modelCard = Optional.empty();
        Optional<String> auditAbsent = Optional.empty();
        boolean auditWritten;
        boolean approvals;
    }

    /**
     * Every file of the results folder but its report (the pack has its own): attestations under
     * {@code attestations/}, the rest under {@code results/}, each at its path there.
     */
    private static void copyResults(Input in, RunFolder run, Disk disk, Contents contents)
            throws IOException {
        Path results = run.folderFor(RESULTS);
        Path attestations = null;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(in.results(), MAX_DEPTH)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String rel = in.results().relativize(file).toString().replace('\\', '/');
            if (rel.startsWith(REPORT + "/") || rel.startsWith(".") || rel.contains("/.")) {
                continue;
            }
            Path target;
            if (rel.endsWith(ATTESTATION_SUFFIX)) {
                if (attestations == null) {
                    attestations = run.folderFor(ATTESTATIONS);
                }
                target = attestations.resolve(rel);
                contents.attestations.add(ATTESTATIONS + "/" + rel);
            } else {
                target = results.resolve(rel);
                String name = file.getFileName().toString();
                (name.endsWith(".json") ? contents.resultFiles : name.startsWith("TEST-") && name.endsWith(".xml")
                        ? contents.junitFiles : contents.otherFiles).add(RESULTS + "/" + rel);
            }
            AtomicFiles.write(disk, target, out -> Files.copy(file, out));
        }
    }

    private static List<GateResult> readResults(Path staging, List<String> files) throws BadInputException,
            IOException {
        GateResultJson json = new GateResultJson();
        List<GateResult> out = new ArrayList<>();
        for (String file : files) {
            out.add(json.read(Files.readAllBytes(staging.resolve(file)), file));
        }
        return out;
    }

    /** The policy, model card and datasheets, under {@code repository/} at their paths in the repository. */
    private static Map<Path, String> copyDocuments(Input in, RunFolder run, Disk disk, Contents contents)
            throws BadInputException, IOException {
        Map<Path, String> copied = new LinkedHashMap<>();
        Workspace ws = in.workspace();
        String policyName = in.policy().fileName().orElse("the default policy");
        List<Path> wanted = new ArrayList<>();
        Optional<Path> policyFile = in.policy().fileName().map(ws.root()::resolve);
        policyFile.ifPresent(wanted::add);
        DocumentationPolicy docs = in.policy().policy().ethics().documentation();
        Path card = ws.resolve(docs.modelCard().orElse(DocumentationPolicy.MODEL_CARD), policyName
                + " (ethics.documentation.modelCard)");
        if (Files.isRegularFile(card, LinkOption.NOFOLLOW_LINKS)) {
            wanted.add(card);
        }
        List<Path> sheets = new ArrayList<>();
        for (Dataset d : in.policy().policy().ethics().datasets()) {
            if (d.datasheet().isPresent()) {
                Path sheet = ws.resolve(d.datasheet().get(), policyName + " (ethics.datasets: " + d.name() + ")");
                if (Files.isRegularFile(sheet, LinkOption.NOFOLLOW_LINKS)) {
                    wanted.add(sheet);
                    sheets.add(sheet);
                }
            }
        }
        if (wanted.isEmpty()) {
            return copied;
        }
        Path repository = run.folderFor(REPOSITORY);
        for (Path file : wanted) {
            String rel = ws.root().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                    .toString().replace('\\', '/');
            if (copied.containsKey(file.toAbsolutePath().normalize())) {
                continue;
            }
            AtomicFiles.write(disk, repository.resolve(rel), out -> Files.copy(file, out));
            copied.put(file.toAbsolutePath().normalize(), REPOSITORY + "/" + rel);
        }
        contents.policy = policyFile.map(p -> copied.get(p.toAbsolutePath().normalize()));
        contents.modelCard = Optional.ofNullable(copied.get(card.toAbsolutePath().normalize()));
        sheets.forEach(s -> contents.datasheets.add(copied.get(s.toAbsolutePath().normalize())));
        return copied;
    }

    /** A file the BOM names, as the pack holds it: inside the pack, or the copy of a repository's document. */
    private static String locate(Path staging, Map<Path, String> documents, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String copy = documents.get(absolute);
        if (copy != null) {
            return BomReader.iri(copy);
        }
        if (absolute.startsWith(staging.toAbsolutePath().normalize())) {
            return BomReader.iri(staging.toAbsolutePath().normalize().relativize(absolute).toString()
                    .replace('\\', '/'));
        }
        throw new IllegalStateException("the BOM names a file the pack does not hold: " + file);
    }

    /** The audit chain's entries for the candidate, the head and the chain's verification; empty without a registry. */
    private static Optional<ObjectNode> audit(Input in, String digest, Contents contents) throws BadInputException {
        if (in.registry().isEmpty()) {
            contents.auditAbsent = Optional.of(in.registryAbsent());
            return Optional.empty();
        }
        ModelRegistry registry = in.registry().get();
        try {
            List<AuditEntry> log = registry.auditLog();
            Optional<AuditHead> head = registry.head();
            AuditVerification verification = registry.verifyAudit();
            ObjectNode node = F.objectNode().put("registry", registry.location()).put("candidate", digest)
                    .put("chainHead", head.map(AuditHead::toString).orElse(null))
                    .put("chainEntries", log.size()).put("intact", verification.intact());
            ArrayNode findings = node.putArray("findings");
            for (AuditFinding f : verification.findings()) {
                findings.addObject().put("seq", f.seq()).put("kind", f.kind().name().toLowerCase(Locale.ROOT))
                        .put("message", f.message());
            }
            ArrayNode limits = node.putArray("limits");
            verification.limits().forEach(limits::add);
            ArrayNode entries = node.putArray("entries");
            for (AuditEntry e : log) {
                if (!e.record().digest().equals(digest)) {
                    continue;
                }
                contents.approvals |= e.record().action().equals("approve") || e.record().action().equals("reject");
                ObjectNode entry = entries.addObject().put("seq", e.seq()).put("at", e.record().at().toString())
                        .put("actor", e.record().actor()).put("action", e.record().action())
                        .put("model", e.record().model()).put("stage", e.record().stage());
                if (e.record().version().isPresent()) {
                    entry.put("version", e.record().version().getAsInt());
                } else {
                    entry.putNull("version");
                }
                entry.put("digest", e.record().digest());
                entry.set("evidence", evidenceOf(e.record().evidence()));
                entry.put("previousHash", e.previousHash()).put("hash", e.hash());
            }
            if (entries.isEmpty()) {
                contents.auditAbsent = Optional.of("the audit chain of " + registry.location()
                        + " has no entry for this candidate (it was never registered there)");
            }
            return Optional.of(node);
        } catch (RegistryException e) {
            contents.auditAbsent = Optional.of("the registry could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonNode evidenceOf(String canonical) {
        try {
            return CanonicalJson.parse(canonical);
        } catch (RuntimeException e) {
            // the verification names an entry whose evidence is not JSON; the pack keeps the text as it is
            return F.textNode(canonical);
        }
    }

    /** The files of the pack that hold each kind of evidence, or why none does. */
    record Found(List<String> files, String absent) {
        static Found of(List<String> files, String absent) {
            return new Found(List.copyOf(files), files.isEmpty() ? absent : "");
        }
    }

    private static Map<Evidence, Found> evidence(Input in, List<GateResult> judged, List<String> judgedFiles,
                                                 Map<Path, String> documents, Contents c) {
        Map<Evidence, Found> found = new EnumMap<>(Evidence.class);
        found.put(Evidence.POLICY, Found.of(c.policy.stream().toList(), "no policy file: every default applied"));
        found.put(Evidence.CHECKS, Found.of(judgedFiles, "no gate result"));
        found.put(Evidence.TEST_DATA, Found.of(judgedFiles, "no gate result"));
        found.put(Evidence.DATASHEETS, Found.of(c.datasheets, "the policy names no datasheet (ethics.datasets)"));
        List<String> metrics = new ArrayList<>(judgedFiles);
        metrics.add(BOM_FILE);
        found.put(Evidence.METRICS, Found.of(metrics, "no gate result"));
        found.put(Evidence.ROBUSTNESS, Found.of(filesWhere(judged, judgedFiles, r -> r.drift().isPresent()
                || r.checks().stream().anyMatch(k -> k.id().startsWith("slice:"))),
                "the policy judges neither drift (data.reference, data.profile) nor slices"));
        List<String> docs = new ArrayList<>(filesWhere(judged, judgedFiles, r -> r.gate().equals("ethics")));
        if (!docs.isEmpty()) {
            c.modelCard.ifPresent(docs::add);
        }
        found.put(Evidence.DOCUMENTATION, Found.of(docs, "no result of the ethics gate for this candidate"));
        found.put(Evidence.FAIRNESS, Found.of(filesWhere(judged, judgedFiles, r -> r.fairness().isPresent()),
                "no fairness judged (ethics.fairness.sensitive names no column)"));
        found.put(Evidence.WAIVERS, Found.of(filesWhere(judged, judgedFiles, r -> r.checks().stream()
                .anyMatch(k -> k.status() == Status.WAIVED)), "no check was waived"));
        found.put(Evidence.BASELINE, Found.of(filesWhere(judged, judgedFiles, r -> r.checks().stream()
                .map(CheckResult::id).anyMatch(id -> id.startsWith("baseline:"))),
                "no baseline: the policy compares the candidate with no production model"));
        found.put(Evidence.TEST_LOGS, Found.of(c.junitFiles, "no JUnit XML in the results folder"));
        found.put(Evidence.REPORT, Found.of(List.of(REPORT + "/" + StaticReport.INDEX), ""));
        found.put(Evidence.BOM, Found.of(List.of(BOM_FILE), ""));
        found.put(Evidence.ATTESTATIONS, Found.of(c.attestations, "no *" + ATTESTATION_SUFFIX
                + " in the results folder (mlgates attest writes them)"));
        found.put(Evidence.AUDIT, Found.of(c.auditAbsent.isEmpty() ? List.of(AUDIT_FILE) : List.of(),
                c.auditAbsent.orElse("")));
        found.put(Evidence.APPROVALS, Found.of(c.approvals ? List.of(AUDIT_FILE) : List.of(),
                c.auditAbsent.orElse("no approval or rejection is recorded for this candidate")));
        found.put(Evidence.MANIFEST, Found.of(List.of(RunFolder.MANIFEST), ""));
        found.put(Evidence.SIGNATURE, Found.of(in.signingKey().isPresent() ? List.of(RunFolder.SIGNATURE)
                : List.of(), "the manifest is not signed: no signing key was given (--sign-key)"));
        return found;
    }

    private static List<String> filesWhere(List<GateResult> judged, List<String> files,
                                           java.util.function.Predicate<GateResult> test) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            if (test.test(judged.get(i))) {
                out.add(files.get(i));
            }
        }
        return out;
    }

    private static ObjectNode index(Input in, BomSources sources, List<GateResult> judged, List<String> judgedFiles,
                                    Map<Evidence, Found> found, Contents c) {
        ObjectNode root = F.objectNode().put("schemaVersion", 1).put("model", sources.modelName())
                .put("candidate", sources.artefacts().candidate().digest())
                .put("writtenAt", in.now().toString()).put("engineVersion", EngineVersion.current());
        ArrayNode verdicts = root.putArray("verdicts");
        for (int i = 0; i < judged.size(); i++) {
            GateResult r = judged.get(i);
            verdicts.addObject().put("gate", r.gate()).put("status", r.status().name())
                    .put("evaluatedAt", r.evaluatedAt().toString()).put("policyDigest", r.policyDigest())
                    .put("file", judgedFiles.get(i));
        }
        ObjectNode manifest = root.putObject("manifest").put("file", RunFolder.MANIFEST);
        if (in.signingKey().isPresent()) {
            manifest.put("signature", RunFolder.SIGNATURE).put("format", "sshsig").put("namespace", NAMESPACE);
        } else {
            manifest.putNull("signature").put("reason", found.get(Evidence.SIGNATURE).absent());
        }
        ArrayNode frameworks = root.putArray("frameworks");
        for (Frameworks.Framework f : Frameworks.ALL) {
            ObjectNode fw = frameworks.addObject().put("id", f.id()).put("title", f.title()).put("note", f.note());
            ArrayNode items = fw.putArray("items");
            for (Frameworks.Item item : f.items()) {
                ObjectNode it = items.addObject().put("id", item.id()).put("asks", item.asks());
                ArrayNode ev = it.putArray("evidence");
                for (Evidence e : item.answeredBy()) {
                    Found x = found.get(e);
                    ObjectNode node = ev.addObject().put("evidence", e.id()).put("what", e.what());
                    ArrayNode files = node.putArray("files");
                    x.files().forEach(files::add);
                    if (x.files().isEmpty()) {
                        node.put("absent", x.absent());
                    }
                }
            }
            ArrayNode notCovered = fw.putArray("notCovered");
            f.notCovered().forEach(notCovered::add);
        }
        ArrayNode absent = root.putArray("absent");
        for (Map.Entry<Evidence, Found> e : found.entrySet()) {
            if (e.getValue().files().isEmpty()) {
                absent.addObject().put("evidence", e.getKey().id()).put("reason", e.getValue().absent());
            }
        }
        ArrayNode files = root.putArray("files");
        List<String[]> roles = new ArrayList<>();
        roles.add(new String[] {INDEX_HTML, "this index"});
        roles.add(new String[] {INDEX_JSON, "this index as JSON"});
        roles.add(new String[] {REPORT + "/" + StaticReport.INDEX, "the HTML report"});
        roles.add(new String[] {BOM_FILE, "the ML-BOM, CycloneDX 1.6"});
        c.resultFiles.forEach(f -> roles.add(new String[] {f, "a gate result"}));
        c.junitFiles.forEach(f -> roles.add(new String[] {f, "a test log (JUnit XML)"}));
        c.otherFiles.forEach(f -> roles.add(new String[] {f, "a file of the results folder"}));
        c.attestations.forEach(f -> roles.add(new String[] {f, "an attestation (in-toto, DSSE)"}));
        c.policy.ifPresent(f -> roles.add(new String[] {f, "the policy"}));
        c.modelCard.ifPresent(f -> roles.add(new String[] {f, "the model card"}));
        c.datasheets.forEach(f -> roles.add(new String[] {f, "a datasheet"}));
        if (c.auditWritten) {
            roles.add(new String[] {AUDIT_FILE, c.auditAbsent.isEmpty()
                    ? "the audit chain's entries for the candidate, with the chain head and its verification"
                    : "the audit chain's head and its verification; no entry for this candidate"});
        }
        roles.add(new String[] {RunFolder.MANIFEST, "every file's SHA-256 (sha256sum -c " + RunFolder.MANIFEST
                + ")"});
        if (in.signingKey().isPresent()) {
            roles.add(new String[] {RunFolder.SIGNATURE, "the manifest's SSH signature, namespace " + NAMESPACE});
        }
        for (String[] r : roles) {
            files.addObject().put("path", r[0]).put("role", r[1]);
        }
        return root;
    }

    /** The index's JSON as the HTML page shows it: one source, so the two cannot disagree. */
    private static EvidenceIndexPage.Index page(ObjectNode index, Map<Evidence, Found> found) {
        List<EvidenceIndexPage.Verdict> verdicts = new ArrayList<>();
        for (JsonNode v : index.path("verdicts")) {
            verdicts.add(new EvidenceIndexPage.Verdict(v.path("gate").asText(), v.path("status").asText(),
                    v.path("evaluatedAt").asText(), link(v.path("file").asText())));
        }
        List<EvidenceIndexPage.Framework> frameworks = new ArrayList<>();
        for (JsonNode f : index.path("frameworks")) {
            List<EvidenceIndexPage.Item> items = new ArrayList<>();
            for (JsonNode item : f.path("items")) {
                List<EvidenceIndexPage.Evidence> evidence = new ArrayList<>();
                for (JsonNode e : item.path("evidence")) {
                    List<EvidenceIndexPage.Link> files = new ArrayList<>();
                    e.path("files").forEach(file -> files.add(link(file.asText())));
                    evidence.add(new EvidenceIndexPage.Evidence(e.path("what").asText(), files,
                            e.path("absent").asText("")));
                }
                items.add(new EvidenceIndexPage.Item(item.path("id").asText(), item.path("asks").asText(),
                        evidence));
            }
            List<String> notCovered = new ArrayList<>();
            f.path("notCovered").forEach(n -> notCovered.add(n.asText()));
            frameworks.add(new EvidenceIndexPage.Framework(f.path("title").asText(), f.path("note").asText(), items,
                    String.join(", ", notCovered)));
        }
        List<EvidenceIndexPage.File> files = new ArrayList<>();
        for (JsonNode file : index.path("files")) {
            files.add(new EvidenceIndexPage.File(link(file.path("path").asText()), file.path("role").asText()));
        }
        String signature = found.get(Evidence.SIGNATURE).files().isEmpty() ? "Not signed: "
                + found.get(Evidence.SIGNATURE).absent() + "." : "Signed: " + RunFolder.SIGNATURE
                + " (SSH signature, namespace " + NAMESPACE + ").";
        return new EvidenceIndexPage.Index("Evidence pack: " + index.path("model").asText(),
                index.path("model").asText(), index.path("candidate").asText(), index.path("writtenAt").asText(),
                index.path("engineVersion").asText(), link(RunFolder.MANIFEST), signature, verdicts, frameworks,
                files, REPORT + "/" + StaticReport.STYLESHEET, List.of(
                        new EvidenceIndexPage.Link(BomReader.iri(REPORT + "/" + StaticReport.INDEX), "Report"),
                        new EvidenceIndexPage.Link(INDEX_JSON, "Index (JSON)"),
                        new EvidenceIndexPage.Link(BOM_FILE, "ML-BOM")));
    }

    private static EvidenceIndexPage.Link link(String path) {
        return new EvidenceIndexPage.Link(BomReader.iri(path), path);
    }
}
