package io.mlgates.core.bom;

import io.mlgates.core.candidate.Artefacts;
import io.mlgates.core.docs.ModelCard;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ML-BOM is made of, read and digested beforehand: the model's files, its policy and model card, its data
 * sets, and the gate results for exactly this candidate.
 *
 * @param modelName the model's name ({@code model.name})
 * @param artefacts the candidate and each of its files with its digest
 * @param artifactsPath the artefacts as the policy names them ({@code model}), to name each file in the repository
 * @param task the policy's task
 * @param policy the policy file, or {@code default policy}, and its digest
 * @param modelCard the model card as read, with its file and digest, when there is one
 * @param datasets the policy's data sets, each with its licence and datasheet
 * @param results each gate result for this candidate, with where the BOM finds its file and the file's digest
 * @param engineVersion the version of ML Gates that writes the BOM
 * @param timestamp when the BOM is written
 */
public record BomSources(String modelName, Artefacts artefacts, String artifactsPath, TaskType task,
                         Document policy, Optional<Card> modelCard, List<DataSet> datasets,
                         List<ResultFile> results, String engineVersion, Instant timestamp) {
    public BomSources {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(artefacts, "artefacts");
        Objects.requireNonNull(artifactsPath, "artifactsPath");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(modelCard, "modelCard");
        datasets = List.copyOf(datasets);
        results = List.copyOf(results);
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(timestamp, "timestamp");
        for (ResultFile r : results) {
            if (!r.result().candidate().digest().equals(artefacts.candidate().digest())) {
                throw new IllegalArgumentException("the result " + r.url() + " judged another candidate");
            }
        }
    }

    /**
     * A file the BOM refers to.
     *
     * @param url where the BOM's reader finds it: a path relative to the BOM's folder, forward slashes
     * @param digest {@code sha256:} and 64 hex digits of its bytes
     */
    public record Document(String url, String digest) {
        public Document {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** The model card as read, and its file. */
    public record Card(ModelCard card, Document file) {
        public Card {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * A data set of the policy ({@code ethics.datasets}).
     *
     * @param licence its SPDX identifier, or a {@code LicenseRef-}
     */
    public record DataSet(String name, String licence, Optional<Document> datasheet) {
        public DataSet {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(licence, "licence");
            Objects.requireNonNull(datasheet, "datasheet");
        }
    }

    /** A gate result and its file. */
    public record ResultFile(GateResult result, Document file) {
        public ResultFile {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(file, "file");
        }

        String url() {
            return file.url();
        }
    }
}
