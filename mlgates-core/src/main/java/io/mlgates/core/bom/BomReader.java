package io.mlgates.core.bom;

import io.mlgates.core.BadInputException;
import io.mlgates.core.EngineVersion;
import io.mlgates.core.candidate.Artefacts;
import io.mlgates.core.candidate.CandidateDigest;
import io.mlgates.core.docs.DocumentException;
import io.mlgates.core.docs.ModelCard;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.Dataset;
import io.mlgates.core.policy.DocumentationPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.workspace.RegularFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a candidate's ML-BOM is made of from its repository: the artefacts (digested now), the policy, the model
 * card and datasheets it names, and the gate results of a results folder (and its immediate subfolders, as the Jenkins
 * steps keep them) that judged exactly this candidate, the newest of each gate.
 */
public final class BomReader {
    /** A gate result is small; anything far larger is not one. */
    private static final long MAX_RESULT_BYTES = 64L << 20;
    /** A policy or documentation file is at most this large (the gates refuse larger ones). */
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private BomReader() {
    }

    /**
     * @param results the results folder, and how messages name it
     * @param locate where the BOM's reader finds a file read: {@link #relativeTo} the BOM's folder, usually
     * @throws BadInputException naming the file: no artefacts, an unreadable document, a JSON file that is not a gate
     *     result, or no result for this candidate
     */
    public static BomSources read(Workspace ws, LoadedPolicy loaded, Path results, String resultsShown,
                                  Locator locate, Instant now) throws BadInputException {
        Policy policy = loaded.policy();
        String artefactsNamedIn = loaded.fileName().orElse("the default policy") + " (model.artifacts)";
        Artefacts artefacts = CandidateDigest.withFiles(ws, policy.artifacts(), artefactsNamedIn);
        String policyName = loaded.fileName().orElse(Policy.DEFAULT_FILE_NAME);
        BomSources.Document policyFile = new BomSources.Document(
                locate.url(ws.root().resolve(policyName)), loaded.digest());

        Optional<BomSources.Card> card = Optional.empty();
        DocumentationPolicy docs = policy.ethics().documentation();
        String cardName = docs.modelCard().orElse(DocumentationPolicy.MODEL_CARD);
        Path cardFile = ws.resolve(cardName, policyName + " (ethics.documentation.modelCard)");
        if (docs.modelCard().isPresent() || Files.exists(cardFile, LinkOption.NOFOLLOW_LINKS)) {
            try {
                card = Optional.of(new BomSources.Card(ModelCard.read(cardFile, ws.display(cardFile)),
                        document(cardFile, ws.display(cardFile), locate)));
            } catch (DocumentException e) {
                throw new BadInputException(ws.display(cardFile), 0, 0, e.getMessage(), e);
            }
        }

        List<BomSources.DataSet> datasets = new ArrayList<>();
        for (Dataset d : policy.ethics().datasets()) {
            Optional<BomSources.Document> sheet = Optional.empty();
            if (d.datasheet().isPresent()) {
                Path file = ws.resolve(d.datasheet().get(), policyName + " (ethics.datasets: " + d.name() + ")");
                sheet = Optional.of(document(file, ws.display(file), locate));
            }
            datasets.add(new BomSources.DataSet(d.name(), d.licence(), sheet));
        }

        String digest = artefacts.candidate().digest();
        List<BomSources.ResultFile> found = results(results, resultsShown, locate, digest);
        if (found.isEmpty()) {
            throw new BadInputException(resultsShown, 0, 0, "no gate result for the candidate " + digest
                    + " (its model files as they are now); `mlgates run` judges it and writes them here");
        }
        return new BomSources(policy.modelName(), artefacts, policy.artifacts(), policy.task(), policyFile, card,
                datasets, found, EngineVersion.current(), now);
    }

    /** The newest result of each gate for the candidate. */
    private static List<BomSources.ResultFile> results(Path folder, String shown, Locator locate, String digest)
            throws BadInputException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(shown, 0, 0, "not a folder: expected the results folder of the gates");
        }
        List<Path> files = new ArrayList<>();
        collect(folder, shown, files);
        List<Path> subfolders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    subfolders.add(child);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(shown, 0, 0, "cannot list: " + e.getMessage(), e);
        }
        subfolders.sort(null);
        for (Path sub : subfolders) {
            collect(sub, shown + "/" + sub.getFileName(), files);
        }
        GateResultJson json = new GateResultJson();
        Map<String, BomSources.ResultFile> newest = new LinkedHashMap<>();
        for (Path file : files) {
            String name = shown + "/" + folder.relativize(file).toString().replace('\\', '/');
            byte[] bytes = bytes(file, name, MAX_RESULT_BYTES);
            GateResult result = json.read(bytes, name);
            if (!result.candidate().digest().equals(digest)) {
                continue;
            }
            BomSources.ResultFile r = new BomSources.ResultFile(result,
                    new BomSources.Document(locate.url(file), PolicyLoader.digest(bytes)));
            newest.merge(result.gate(), r, (a, b) -> b.result().evaluatedAt().isAfter(a.result().evaluatedAt())
                    ? b : a);
        }
        // in the order the gates judged (run: validate, then ethics), not the files' names
        return newest.values().stream().sorted(java.util.Comparator.comparing(
                (BomSources.ResultFile r) -> r.result().evaluatedAt()).thenComparing(r -> r.result().gate())).toList();
    }

    /** The gate results of one folder: its {@code *.json} files, the report's folder and others left alone. */
    private static void collect(Path folder, String shown, List<Path> into) throws BadInputException {
        List<Path> here = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    here.add(p);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(shown, 0, 0, "cannot list: " + e.getMessage(), e);
        }
        here.sort(null);
        into.addAll(here);
    }

    private static BomSources.Document document(Path file, String shown, Locator locate) throws BadInputException {
        return new BomSources.Document(locate.url(file), PolicyLoader.digest(bytes(file, shown,
                MAX_DOCUMENT_BYTES)));
    }

    private static byte[] bytes(Path file, String shown, long max) throws BadInputException {
        RegularFiles.requireRegular(file, shown);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new BadInputException(shown, 0, 0, "larger than " + (max >> 20) + " MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(shown, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Where a BOM's reader finds a file that went into it. */
    @FunctionalInterface
    public interface Locator {
        /** The file's reference, an IRI reference such as a relative path with forward slashes. */
        String url(Path file);
    }

    /** Files named by their path relative to the BOM's folder. */
    public static Locator relativeTo(Path bomFolder) {
        return file -> url(bomFolder, file);
    }

    /**
     * {@code file} as a reference relative to the BOM's folder, as an IRI reference: forward slashes, characters an IRI
     * may not hold (spaces, {@code %}) percent-encoded.
     */
    static String url(Path bomFolder, Path file) {
        Path from = bomFolder.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        return iri(from.relativize(to).toString().replace('\\', '/'));
    }

    /** A relative path (forward slashes) as an IRI reference: spaces, {@code %}, {@code #}, {@code ?} encoded. */
    public static String iri(String path) {
        String relative = path;
        if (relative.split("/", 2)[0].contains(":")) {
            // a colon in the first segment would read as a scheme
            relative = "./" + relative;
        }
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relative, e);
        }
    }
}
