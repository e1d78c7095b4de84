/*
 * Trains the credit-risk example model on German Credit (data/credit-g.arff) and writes everything that
 * mlgates judges. Run from the example's folder, with Weka 3.6 on the class path (see ../train.sh):
 *
 *   java -cp "$WEKA_JAR" train/Train.java [example-folder]
 *
 * What it does, in order:
 *  1. Loads data/credit-g.arff; the class attribute is "class" (good/bad), the positive class is "bad".
 *  2. Splits 70 % / 30 %, stratified by class, with a fixed seed: the row indices 0..999 are shuffled with
 *     Collections.shuffle(indices, new Random(42)); within each class, the first round(0.3 * n_class)
 *     indices in that shuffled order form the held-out part, the rest the training part. Both parts are
 *     then put back in file order. With 700 good and 300 bad rows that is 210 + 90 = 300 held-out rows.
 *  3. Reports its own figures: 10-fold cross-validation of Logistic on the training part
 *     (Evaluation.crossValidateModel with Random(42)) -> eval/reported-metrics.json.
 *  4. Trains weka.classifiers.functions.Logistic with Weka's defaults on the training part and saves it
 *     (model/credit-risk.model), with the list of its input attributes (model/features.json) and its
 *     coefficients as feature attributions (model/attributions.json), the explanation the ethics gate asks
 *     for at the high risk tier.
 *  5. Evaluates it on the held-out part: eval/predictions.csv (one row per held-out row),
 *     eval/weka-evaluation.txt (Weka's own summary), eval/weka-roc-area.json (Weka's ROC area).
 *  6. Trains the baseline, weka.classifiers.bayes.NaiveBayes with Weka's defaults, on the same training
 *     part and writes its held-out metrics to baseline/metrics.json (the "model in production" the
 *     candidate is compared with).
 *
 * Every number is written as the shortest decimal that reads back as the same double (see format()), so a
 * reader recovers the exact double, and the text does not depend on the JDK's Double.toString.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.classifiers.bayes.NaiveBayes;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.Version;

public class Train {
    static final long SEED = 42;
    static final double HELD_OUT_FRACTION = 0.3;
    static final int CV_FOLDS = 10;
    static final String CLASS_ATTRIBUTE = "class";
    static final String POSITIVE = "bad";
    static final double THRESHOLD = 0.5;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");

        Instances data;
        try (BufferedReader reader = Files.newBufferedReader(root.resolve("data/credit-g.arff"),
                StandardCharsets.UTF_8)) {
            data = new Instances(reader);
        }
        Attribute classAttribute = data.attribute(CLASS_ATTRIBUTE);
        if (classAttribute == null) {
            throw new IllegalStateException("no attribute named " + CLASS_ATTRIBUTE);
        }
        data.setClass(classAttribute);
        int bad = classAttribute.indexOfValue(POSITIVE);
        if (bad < 0 || classAttribute.numValues() != 2) {
            throw new IllegalStateException("class must be binary with a value " + POSITIVE);
        }

        // 2. Stratified 70/30 split with a fixed seed.
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < data.numInstances(); i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(SEED));
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> testRows = new ArrayList<>();
        for (int c = 0; c < classAttribute.numValues(); c++) {
            List<Integer> ofClass = new ArrayList<>();
            for (int row : shuffled) {
                if ((int) data.instance(row).classValue() == c) {
                    ofClass.add(row);
                }
            }
            int heldOut = (int) Math.round(HELD_OUT_FRACTION * ofClass.size());
            testRows.addAll(ofClass.subList(0, heldOut));
            trainRows.addAll(ofClass.subList(heldOut, ofClass.size()));
        }
        Collections.sort(trainRows);
        Collections.sort(testRows);
        Instances train = subset(data, trainRows);
        Instances test = subset(data, testRows);

        // 3. The training job's own figures: 10-fold cross-validation on the training part.
        Evaluation cv = new Evaluation(train);
        cv.crossValidateModel(new Logistic(), train, CV_FOLDS, new Random(SEED));
        Map<String, Double> reported = new LinkedHashMap<>();
        reported.put("cv_roc_auc", cv.areaUnderROC(bad));
        reported.put("cv_accuracy", cv.pctCorrect() / 100.0);
        reported.put("cv_recall_bad", cv.recall(bad));
        writeJson(root.resolve("eval/reported-metrics.json"), numbers(reported));

        // 4. The candidate model.
        Logistic model = new Logistic();
        model.buildClassifier(train);
        Files.createDirectories(root.resolve("model"));
        SerializationHelper.write(root.resolve("model/credit-risk.model").toString(), model);
        writeFeatures(root.resolve("model/features.json"), data);
        writeAttributions(root.resolve("model/attributions.json"), data, model);

        // 5. Held-out evaluation.
        Evaluation eval = new Evaluation(train);
        eval.evaluateModel(model, test);
        double[] scores = scores(model, test, bad);
        writePredictions(root.resolve("eval/predictions.csv"), data, testRows, test, scores, bad);

        String options = Utils.joinOptions(model.getOptions());
        StringBuilder text = new StringBuilder();
        text.append("Weka ").append(Version.VERSION).append(", ").append(model.getClass().getName())
                .append(' ').append(options).append('\n');
        text.append("Trained on ").append(train.numInstances()).append(" rows, evaluated on the ")
                .append(test.numInstances()).append(" held-out rows (stratified 70/30 split, seed ")
                .append(SEED).append(").\n");
        text.append(eval.toSummaryString("\n=== Evaluation on the held-out part ===\n", false));
        text.append('\n').append(eval.toClassDetailsString());
        text.append('\n').append(eval.toMatrixString());
        writeText(root.resolve("eval/weka-evaluation.txt"), text.toString());

        Map<String, Object> roc = new LinkedHashMap<>();
        roc.put("positive", POSITIVE);
        roc.put("roc_area", eval.areaUnderROC(bad));
        roc.put("weka_version", Version.VERSION);
        writeJson(root.resolve("eval/weka-roc-area.json"), roc);

        // 6. The baseline: NaiveBayes with defaults, same split; metrics as defined in metrics() below.
        NaiveBayes baseline = new NaiveBayes();
        baseline.buildClassifier(train);
        Map<String, Double> baselineMetrics = metrics(labels(test, bad), scores(baseline, test, bad));
        Files.createDirectories(root.resolve("baseline"));
        writeJson(root.resolve("baseline/metrics.json"), numbers(baselineMetrics));

        Map<String, Double> heldOut = metrics(labels(test, bad), scores);
        System.out.println("Weka " + Version.VERSION + "; training rows " + train.numInstances()
                + ", held-out rows " + test.numInstances());
        System.out.println("reported (10-fold CV on the training part): " + reported);
        System.out.println("held-out, Logistic: " + heldOut);
        System.out.println("held-out, Weka areaUnderROC(bad): " + format(eval.areaUnderROC(bad)));
        System.out.println("held-out, baseline NaiveBayes: " + baselineMetrics);
    }

    /** The rows of data at the given indices, in that order, as a new data set with the same header. */
    static Instances subset(Instances data, List<Integer> rows) {
        Instances part = new Instances(data, rows.size());
        for (int row : rows) {
            part.add(data.instance(row));
        }
        return part;
    }

    /** P(positive class) for every instance. */
    static double[] scores(Classifier classifier, Instances part, int positive) throws Exception {
        double[] scores = new double[part.numInstances()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = classifier.distributionForInstance(part.instance(i))[positive];
        }
        return scores;
    }

    static boolean[] labels(Instances part, int positive) {
        boolean[] labels = new boolean[part.numInstances()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) part.instance(i).classValue() == positive;
        }
        return labels;
    }

    /**
     * Threshold metrics at score >= 0.5, ROC AUC as the Mann-Whitney statistic (ties count one half), and the
     * Brier score; these are scikit-learn's definitions.
     */
    static Map<String, Double> metrics(boolean[] positive, double[] score) {
        int n = score.length;
        double tp = 0, fp = 0, tn = 0, fn = 0, brier = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = score[i] >= THRESHOLD;
            if (positive[i]) {
                if (predicted) tp++; else fn++;
            } else {
                if (predicted) fp++; else tn++;
            }
            double y = positive[i] ? 1 : 0;
            brier += (score[i] - y) * (score[i] - y);
        }
        double recall = tp / (tp + fn);
        double specificity = tn / (tn + fp);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("roc_auc", rocAuc(positive, score));
        m.put("accuracy", (tp + tn) / n);
        m.put("balanced_accuracy", (recall + specificity) / 2);
        m.put("precision", tp + fp == 0 ? 0.0 : tp / (tp + fp));
        m.put("recall", recall);
        m.put("specificity", specificity);
        m.put("f1", 2 * tp / (2 * tp + fp + fn));
        m.put("brier", brier / n);
        return m;
    }

    static double rocAuc(boolean[] positive, double[] score) {
        double pairs = 0, wins = 0;
        for (int i = 0; i < score.length; i++) {
            if (!positive[i]) continue;
            for (int j = 0; j < score.length; j++) {
                if (positive[j]) continue;
                pairs++;
                if (score[i] > score[j]) wins += 1;
                else if (score[i] == score[j]) wins += 0.5;
            }
        }
        return wins / pairs;
    }

    static void writePredictions(Path file, Instances data, List<Integer> rows, Instances test,
                                 double[] scores, int bad) throws IOException {
        Attribute personalStatus = data.attribute("personal_status");
        Attribute age = data.attribute("age");
        Attribute foreignWorker = data.attribute("foreign_worker");
        Attribute classAttribute = data.classAttribute();
        StringBuilder csv = new StringBuilder("id,label,score,prediction,sex,age_band,foreign_worker\n");
        for (int i = 0; i < test.numInstances(); i++) {
            Instance row = test.instance(i);
            String status = row.stringValue(personalStatus);
            int space = status.indexOf(' ');
            String sex = space < 0 ? status : status.substring(0, space);
            List<String> fields = List.of(
                    Integer.toString(rows.get(i) + 1),
                    classAttribute.value((int) row.classValue()),
                    format(scores[i]),
                    scores[i] >= THRESHOLD ? classAttribute.value(bad) : classAttribute.value(1 - bad),
                    sex,
                    ageBand(row.value(age)),
                    row.stringValue(foreignWorker));
            for (int f = 0; f < fields.size(); f++) {
                if (f > 0) csv.append(',');
                csv.append(csvField(fields.get(f)));
            }
            csv.append('\n');
        }
        writeText(file, csv.toString());
    }

    static String ageBand(double age) {
        if (age < 25) return "<25";
        if (age < 40) return "25-39";
        if (age < 60) return "40-59";
        return "60+";
    }

    /** RFC 4180: quote a field only when it holds a comma, a double quote or a line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static void writeFeatures(Path file, Instances data) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        Attribute target = data.classAttribute();
        json.append("  \"target\": {\"name\": ").append(jsonString(target.name()))
                .append(", \"type\": \"nominal\", \"values\": ").append(values(target)).append("},\n");
        json.append("  \"features\": [\n");
        List<String> entries = new ArrayList<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a == data.classIndex()) continue;
            Attribute attribute = data.attribute(a);
            StringBuilder entry = new StringBuilder("    {\"name\": ").append(jsonString(attribute.name()));
            if (attribute.isNominal()) {
                entry.append(", \"type\": \"nominal\", \"values\": ").append(values(attribute));
            } else if (attribute.isNumeric()) {
                entry.append(", \"type\": \"numeric\"");
            } else {
                throw new IllegalStateException("unexpected attribute type: " + attribute);
            }
            entries.add(entry.append('}').toString());
        }
        json.append(String.join(",\n", entries)).append("\n  ]\n}\n");
        writeText(file, json.toString());
    }

    /**
     * The model's coefficients, one per input of the fitted model, by feature. Logistic turns a nominal attribute
     * of more than two values into one 0/1 indicator per value (NominalToBinary), a two-valued one into a single
     * indicator of its second value, and keeps numeric ones; its coefficients() list them in that order after the
     * intercept. The names rebuilt here are checked against the ones Logistic prints, so a change of Weka's
     * encoding cannot silently shift them.
     */
    static void writeAttributions(Path file, Instances data, Logistic model) throws IOException {
        double[][] coefficients = model.coefficients();
        List<String> printed = new ArrayList<>();
        boolean inTable = false;
        for (String line : model.toString().split("\n")) {
            if (line.startsWith("=====")) {
                inTable = true;
            } else if (inTable && line.startsWith("Intercept")) {
                break;
            } else if (inTable) {
                printed.add(line.replaceFirst("\\s+-?[0-9.E-]+$", ""));
            }
        }
        Attribute target = data.classAttribute();
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"method\": \"logistic regression coefficients: change in the log-odds of class ")
                .append(target.value(0)).append(" per unit of a numeric feature; for a nominal one, the coefficient of")
                .append(" the 0/1 indicator of each value (a two-valued feature has one, of the value shown)\",\n");
        json.append("  \"model\": \"weka.classifiers.functions.Logistic\",\n");
        json.append("  \"intercept\": ").append(format(coefficients[0][0])).append(",\n");
        json.append("  \"attributions\": {\n");
        List<String> entries = new ArrayList<>();
        int row = 1;
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a == data.classIndex()) continue;
            Attribute attribute = data.attribute(a);
            String value;
            if (attribute.isNumeric()) {
                check(printed, row, attribute.name());
                value = format(coefficients[row++][0]);
            } else if (attribute.numValues() == 2) {
                check(printed, row, attribute.name());
                value = "{" + jsonString(attribute.value(1)) + ": " + format(coefficients[row++][0]) + "}";
            } else {
                List<String> perValue = new ArrayList<>();
                for (int v = 0; v < attribute.numValues(); v++) {
                    check(printed, row, attribute.name() + "=" + attribute.value(v));
                    perValue.add(jsonString(attribute.value(v)) + ": " + format(coefficients[row++][0]));
                }
                value = "{" + String.join(", ", perValue) + "}";
            }
            entries.add("    " + jsonString(attribute.name()) + ": " + value);
        }
        if (row != coefficients.length) {
            throw new IllegalStateException(coefficients.length - 1 + " coefficients for " + (row - 1) + " inputs");
        }
        json.append(String.join(",\n", entries)).append("\n  }\n}\n");
        writeText(file, json.toString());
    }

    static void check(List<String> printed, int row, String expected) {
        String name = printed.get(row - 1).strip();
        if (!name.equals(expected)) {
            throw new IllegalStateException("coefficient " + row + " is printed as '" + name + "', expected '"
                    + expected + "'");
        }
    }

    static String values(Attribute attribute) {
        List<String> values = new ArrayList<>();
        for (int v = 0; v < attribute.numValues(); v++) {
            values.add(jsonString(attribute.value(v)));
        }
        return "[" + String.join(", ", values) + "]";
    }

    static Map<String, Object> numbers(Map<String, Double> values) {
        return new LinkedHashMap<>(values);
    }

    static void writeJson(Path file, Map<String, Object> object) throws IOException {
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, Object> e : object.entrySet()) {
            Object v = e.getValue();
            String value = v instanceof Double ? format((Double) v) : jsonString(String.valueOf(v));
            members.add("  " + jsonString(e.getKey()) + ": " + value);
        }
        writeText(file, "{\n" + String.join(",\n", members) + "\n}\n");
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The shortest decimal, correctly rounded from the exact value, that reads back as the same double
     * (at most 17 significant digits). Unlike Double.toString, whose output changed in JDK 19, this is the
     * same on every JDK, since BigDecimal and Double.parseDouble are exact by specification.
     */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.scale() < 0) {
                rounded = rounded.setScale(0);
            }
            String text = rounded.toString();
            if (Double.parseDouble(text) == value) {
                return text;
            }
        }
        throw new IllegalStateException("17 digits do not recover " + value);
    }

    static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
