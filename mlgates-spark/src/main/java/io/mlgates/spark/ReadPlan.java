package io.mlgates.spark;

import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.FileFormat;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.stats.RowStatistics;
import java.io.Serializable;
import java.util.List;

/**
 * What each task needs of the policy, sent to the executors: the column mapping and how rows are read
 * ({@link PredictionSource}), the task, and what to keep ({@link RowStatistics.Shape}). The core's records stay free
 * of Java serialization; this copy of their values is rebuilt into them on the executor, so the mapping is the
 * policy's, read once, on the driver.
 */
record ReadPlan(TaskType task, String path, FileFormat format, char delimiter, Column label, Column score,
                Column prediction, Column weight, String positive, List<String> classes, double threshold,
                InvalidRows invalidRows, double maxDroppedShare, List<String> sliceColumns, List<String> rankSlices,
                List<String> sensitive, List<List<String>> intersections, int calibrationBins, int maxGroups,
                boolean overallRanks) implements Serializable {

    record Column(String name, boolean explicit) implements Serializable {
        io.mlgates.core.policy.Column core() {
            return new io.mlgates.core.policy.Column(name, explicit);
        }

        static Column of(io.mlgates.core.policy.Column c) {
            return new Column(c.name(), c.explicit());
        }
    }

    ReadPlan {
        classes = List.copyOf(classes);
        sliceColumns = List.copyOf(sliceColumns);
        rankSlices = List.copyOf(rankSlices);
        sensitive = List.copyOf(sensitive);
        intersections = intersections.stream().map(List::copyOf).toList();
    }

    static ReadPlan of(TaskType task, PredictionSource s, RowStatistics.Shape shape) {
        return new ReadPlan(task, s.path(), s.format(), s.delimiter(), Column.of(s.label()), Column.of(s.score()),
                Column.of(s.prediction()), Column.of(s.weight()), s.positive(), s.classes(), s.threshold(),
                s.invalidRows(), s.maxDroppedShare(), shape.sliceColumns(), shape.rankSlices(), shape.sensitive(),
                shape.intersections(), shape.calibrationBins(), shape.maxGroups(), shape.overallRanks());
    }

    PredictionSource source() {
        return new PredictionSource(path, format, delimiter, label.core(), score.core(), prediction.core(),
                weight.core(), positive, classes, threshold, invalidRows, maxDroppedShare);
    }

    RowStatistics.Shape shape() {
        return new RowStatistics.Shape(sliceColumns, rankSlices, sensitive, intersections, calibrationBins, maxGroups,
                overallRanks);
    }
}
