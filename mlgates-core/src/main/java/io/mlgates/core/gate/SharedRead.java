package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.schema.InputSchema;
import io.mlgates.core.stats.RowStatistics;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation and the ethics gate judged from one read of the predictions ({@code mlgates run}): one pass fills
 * both gates' accumulators. The results are those of two reads. The gates read the same file with the same columns
 * when the requests say so; a row that one read would drop for a slice or sensitive column the other gate does not
 * read would make them differ, so a read that drops a row, or meets bad input, is not shared: each gate then reads
 * the file on its own, and says what it alone would say.
 */
public final class SharedRead {
    private SharedRead() {
    }

    /**
     * What a gate takes from a shared read: the reader's account of the file, and what its rows gave (their
     * statistics, the schema's checks of their values).
     */
    record Read(ReadAccount account, ValidationGate.Rows rows) {
    }

    /** Both gates' results, in that order, from one read of the predictions where it gives the same. */
    public static List<GateResult> evaluate(ValidationRequest validation, EthicsRequest ethics)
            throws BadInputException {
        // one budget for the scores both gates keep from the one read; removed (with what spilled) at the end
        try (ScoreBudget scoreBudget = ScoreBudget.defaults()) {
            Optional<Read> read = Optional.empty();
            try {
                read = read(validation, ethics, scoreBudget);
            } catch (BadInputException e) {
                // told by the gate that meets it, on its own read
            }
            if (read.isPresent()) {
                return List.of(new ValidationGate().evaluate(validation, read, scoreBudget),
                        new EthicsGate().evaluate(ethics, read, scoreBudget));
            }
        }
        return List.of(new ValidationGate().evaluate(validation), new EthicsGate().evaluate(ethics));
    }

    /** One read for both gates; empty when they would read differently or the read dropped a row. */
    private static Optional<Read> read(ValidationRequest validation, EthicsRequest ethics, ScoreBudget scoreBudget)
            throws BadInputException {
        LoadedPolicy loaded = validation.policy();
        Policy policy = loaded.policy();
        Workspace ws = validation.workspace();
        // drift reads the input columns beside the predictions: the validation gate then reads on its own
        if (validation.judgesStatistics() || ethics.judgesStatistics() || policy.data().judged()
                || ethics.policy() != loaded
                || !ethics.workspace().root().equals(ws.root())
                || !ethics.columns().equals(validation.columns())) {
            return Optional.empty();
        }
        Path path = JudgedFiles.predictions(ws, validation.predictions(), loaded);
        if (!path.equals(JudgedFiles.predictions(ws, ethics.predictions(), loaded))) {
            return Optional.empty();
        }
        FairnessPolicy fairness = EthicsGate.fairness(ethics);
        List<String> sensitive = EthicsGate.sensitive(policy, fairness);
        String policyName = loaded.fileName().orElse("the default policy");
        DocumentationChecks docs = new DocumentationChecks(ws, policyName, policy.ethics());
        docs.modelCard(); // reads the card, which says whether rank metrics are declared
        // the validation gate's slices and the ethics gate's groups, filled in one pass
        RowStatistics.Shape shape = RowStatistics.Shape.slices(policy).with(sensitive, fairness.intersections(),
                docs.cardDeclaresRankMetrics());
        PredictionSource source = validation.columns().applyTo(policy.predictions());
        Optional<InputSchema> schema = SchemaChecks.declared(ws, policy, policyName, new ArrayList<>());
        return rows(path, ws.display(path), source, policy, shape, schema, validation.progress(), scoreBudget);
    }

    /**
     * Reads the rows of {@code path} into the statistics of {@code shape} and the declared schema's checks: what both
     * gates take from a read; empty when the read dropped a row (or the file could not be read to its end).
     */
    static Optional<Read> rows(Path path, String display, PredictionSource source, Policy policy,
                               RowStatistics.Shape shape, Optional<InputSchema> schema, ProgressListener progress,
                               ScoreBudget scoreBudget) throws BadInputException {
        try (PredictionReader reader = PredictionReader.open(path, display, source, policy.task(),
                shape.groupColumns(), ValidationGate.inputColumns(schema), progress)) {
            ValidationGate.Rows rows = ValidationGate.read(reader, source, policy, shape, scoreBudget,
                    ValidationGate.SchemaInputs.of(schema, reader));
            // the account is taken now: the file is closed when the gates ask
            return reader.rowsDropped() > 0 ? Optional.empty() : Optional.of(new Read(ReadAccount.of(reader), rows));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
