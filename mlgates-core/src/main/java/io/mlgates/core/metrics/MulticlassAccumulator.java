package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Multiclass classification metrics from one streaming pass over (actual class, predicted class, weight); mergeable.
 * Keeps a weighted confusion matrix that grows with the largest class index seen, so memory does not grow with the
 * row count.
 *
 * <p>Per-class precision, recall and F1 follow scikit-learn's {@code precision_recall_fscore_support} with
 * {@code zero_division=np.nan}: a per-class value that is 0/0 is left out of the macro and weighted averages, and an
 * average is undefined only when every class is. Definitions are in {@code docs/metrics.md}. Not thread-safe.
 */
public final class MulticlassAccumulator {
    /** Most classes a statistics file may hold: its matrix has as many squared sums. */
    public static final int MAX_CLASSES_IN_STATE = 1000;

    private int size;                   // classes covered by the matrix
    private int maxIndex = -1;          // largest class index seen
    private ExactSum[] matrix = new ExactSum[0]; // row-major, actual x predicted
    private WeightTally[] actual = new WeightTally[0];       // per actual class: rows, weight, squared weight
    private final WeightTally all = new WeightTally();
    private final WeightTally correct = new WeightTally();

    public MulticlassAccumulator() {
    }

    /**
     * Adds one row.
     *
     * @param actualClass 0-based index into the class list later given to {@link #compute}
     * @param predictedClass 0-based index into the same list
     * @param weight 0 or more and finite (1.0 when the file has no weight column); a row of weight 0 weighs nothing
     */
    public void add(int actualClass, int predictedClass, double weight) {
        if (actualClass < 0 || predictedClass < 0) {
            throw new IllegalArgumentException("class indices must not be negative: " + actualClass + ", "
                    + predictedClass);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be 0 or more and finite: " + weight);
        }
        maxIndex = Math.max(maxIndex, Math.max(actualClass, predictedClass));
        grow(maxIndex + 1);
        matrix[actualClass * size + predictedClass].add(weight);
        actual[actualClass].add(weight);
        all.add(weight);
        if (actualClass == predictedClass) {
            correct.add(weight);
        }
    }

    /** Adds the rows of another accumulator; {@code other} is unchanged. */
    public void merge(MulticlassAccumulator other) {
        int otherSize = other.size;
        ExactSum[] otherMatrix = other.matrix;
        WeightTally[] otherActual = other.actual;
        maxIndex = Math.max(maxIndex, other.maxIndex);
        grow(otherSize);
        for (int a = 0; a < otherSize; a++) {
            for (int p = 0; p < otherSize; p++) {
                matrix[a * size + p].add(otherMatrix[a * otherSize + p]);
            }
            actual[a].merge(otherActual[a]);
        }
        all.merge(other.all);
        correct.merge(other.correct);
    }

    /** Writes this accumulator's state as an object of the statistics contract (docs/statistics.md). */
    public void writeState(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("classes", maxIndex + 1);
        StateJson.tally(g, "all", all);
        StateJson.tally(g, "correct", correct);
        g.writeArrayFieldStart("actual");
        for (int a = 0; a <= maxIndex; a++) {
            g.writeStartObject();
            StateJson.tally(g, "rows", actual[a]);
            g.writeArrayFieldStart("predicted");
            for (int p = 0; p <= maxIndex; p++) {
                g.writeString(matrix[a * size + p].exact().toString());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Reads a state written by {@link #writeState}, already checked against the contract's schema. */
    public static MulticlassAccumulator readState(JsonNode state, String pointer) throws StateJson.StateException {
        MulticlassAccumulator acc = new MulticlassAccumulator();
        long classes = StateJson.count(state, "classes", pointer);
        JsonNode rows = state.path("actual");
        if (classes > MAX_CLASSES_IN_STATE || rows.size() != classes) {
            throw new StateJson.StateException(pointer + "/actual", "expected one entry per class (" + classes
                    + ", at most " + MAX_CLASSES_IN_STATE + "), got " + rows.size());
        }
        acc.maxIndex = (int) classes - 1;
        acc.grow((int) classes);
        StateJson.tally(state, "all", pointer, acc.all);
        StateJson.tally(state, "correct", pointer, acc.correct);
        for (int a = 0; a < classes; a++) {
            String at = pointer + "/actual/" + a;
            JsonNode row = rows.get(a);
            StateJson.tally(row, "rows", at, acc.actual[a]);
            JsonNode predicted = row.path("predicted");
            if (predicted.size() != classes) {
                throw new StateJson.StateException(at + "/predicted", "expected " + classes + " sums, got "
                        + predicted.size());
            }
            for (int p = 0; p < classes; p++) {
                ExactSum.Exact cell = ExactSum.parse(predicted.get(p).asText());
                if (cell == null || cell.signum() < 0 || !predicted.get(p).isTextual()) {
                    throw new StateJson.StateException(at + "/predicted/" + p, "expected an exact sum of weights"
                            + " such as \"0\" or \"0x1bp-4\", got " + predicted.get(p));
                }
                acc.matrix[a * acc.size + p].add(cell);
            }
        }
        return acc;
    }

    public long rows() {
        return all.rows();
    }

    public double weightSum() {
        return all.weight();
    }

    /**
     * The metrics of {@link Metric#names Metric.names(MULTICLASS)} in order, then {@link Metric#CLASS_RECALL} for each
     * class in list order.
     *
     * @param classNames the classes, indexed as in {@link #add}; may name classes that never occur
     * @throws IllegalArgumentException when a class index seen is not covered by {@code classNames}, or a name repeats
     */
    public Map<String, MetricValue> compute(List<String> classNames, MetricOptions options) {
        int k = classNames.size();
        if (maxIndex >= k) {
            throw new IllegalArgumentException("rows name class index " + maxIndex + " but only " + k
                    + " class names were given");
        }
        if (classNames.stream().distinct().count() != k) {
            throw new IllegalArgumentException("class names must be distinct: " + classNames);
        }
        double level = options.confidenceLevel();
        double total = all.weight();
        boolean noRows = all.rows() == 0;
        double[] tp = new double[k];
        double[] predicted = new double[k];
        double[] support = new double[k];
        for (int c = 0; c < k; c++) {
            tp[c] = cell(c, c);
            support[c] = c < size ? actual[c].weight() : 0;
            ExactSum column = new ExactSum();
            for (int a = 0; a < size && c < size; a++) {
                column.add(matrix[a * size + c]);
            }
            predicted[c] = column.value();
        }
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) {
            precision[c] = predicted[c] > 0 ? tp[c] / predicted[c] : Double.NaN;
            recall[c] = support[c] > 0 ? tp[c] / support[c] : Double.NaN;
            double f1Denominator = support[c] + predicted[c];
            f1[c] = f1Denominator > 0 ? 2 * tp[c] / f1Denominator : Double.NaN;
        }

        Map<String, MetricValue> out = new LinkedHashMap<>();
        if (noRows || !(total > 0)) {
            for (String name : Metric.names(TaskType.MULTICLASS)) {
                out.put(name, MetricValue.undefined(name,
                        noRows ? BinaryAccumulator.NO_ROWS : BinaryAccumulator.ALL_WEIGHT_ZERO));
            }
        } else {
            double accuracy = Math.min(1, correct.weight() / total);
            MetricValue acc = MetricValue.of("accuracy", accuracy);
            out.put("accuracy", Intervals.wilson(accuracy, all.effectiveRows(), level)
                    .map(acc::withInterval).orElse(acc));
            putAverages(out, "precision", precision, support, accuracy);
            putAverages(out, "recall", recall, support, accuracy);
            putAverages(out, "f1", f1, support, accuracy);
        }
        for (int c = 0; c < k; c++) {
            String name = Metric.CLASS_RECALL.key(classNames.get(c));
            if (Double.isNaN(recall[c])) {
                out.put(name, MetricValue.undefined(name, noRows ? BinaryAccumulator.NO_ROWS
                        : (c < size && actual[c].rows() > 0 ? "the rows of class " + classNames.get(c)
                        + " all have weight 0" : "no rows of class " + classNames.get(c)) + ": its recall is 0/0"));
            } else {
                MetricValue value = MetricValue.of(name, recall[c]);
                out.put(name, Intervals.wilson(recall[c], actual[c].effectiveRows(), level)
                        .map(value::withInterval).orElse(value));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static void putAverages(Map<String, MetricValue> out, String metric, double[] perClass,
                                    double[] support, double micro) {
        out.put(metric + "_macro", average(metric + "_macro", perClass, c -> 1.0));
        // micro: sum of TP over sum of predicted (or true) counts, which both equal the total weight: accuracy
        out.put(metric + "_micro", MetricValue.of(metric + "_micro", micro));
        out.put(metric + "_weighted", average(metric + "_weighted", perClass, c -> support[c]));
    }

    /**
     * scikit-learn's {@code _nanaverage}: the weighted mean of the defined per-class values; when the weights of the
     * defined classes sum to 0, their plain mean.
     */
    private static MetricValue average(String name, double[] perClass, IntToDoubleFunction weightOfClass) {
        CompensatedSum weighted = new CompensatedSum();
        CompensatedSum weights = new CompensatedSum();
        CompensatedSum plain = new CompensatedSum();
        int defined = 0;
        for (int c = 0; c < perClass.length; c++) {
            if (Double.isNaN(perClass[c])) {
                continue;
            }
            double w = weightOfClass.applyAsDouble(c);
            weighted.add(w * perClass[c]);
            weights.add(w);
            plain.add(perClass[c]);
            defined++;
        }
        if (defined == 0) {
            return MetricValue.undefined(name, "no class has a defined value: every class is 0/0");
        }
        double w = weights.value();
        double value = w > 0 ? weighted.value() / w : plain.value() / defined;
        return MetricValue.of(name, Math.min(1, Math.max(0, value)));
    }

    private double cell(int actualClass, int predictedClass) {
        if (actualClass >= size || predictedClass >= size) {
            return 0;
        }
        return matrix[actualClass * size + predictedClass].value();
    }

    private void grow(int needed) {
        if (needed <= size) {
            return;
        }
        int newSize = Math.max(needed, size + (size >> 1));
        ExactSum[] newMatrix = new ExactSum[newSize * newSize];
        for (int a = 0; a < newSize; a++) {
            for (int p = 0; p < newSize; p++) {
                newMatrix[a * newSize + p] = a < size && p < size ? matrix[a * size + p] : new ExactSum();
            }
        }
        WeightTally[] newActual = new WeightTally[newSize];
        for (int a = 0; a < newSize; a++) {
            newActual[a] = a < size ? actual[a] : new WeightTally();
        }
        matrix = newMatrix;
        actual = newActual;
        size = newSize;
    }
}
