package io.mlgates.core.data;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fixes that messages about a prediction file spell out: the policy lines to paste (column mappings guessed from
 * the header, a delimiter, the positive class) and the command-line options that do the same. Written once here so
 * that every message quotes a policy in the same form, and a value that YAML would read as something else (a
 * {@code True} label, a column named {@code a: b}) is quoted.
 */
final class Fixes {
    /** Plain YAML scalars that read back as the same text: a name, or a number (labels compare as numbers). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*|-?[0-9]+(\\.[0-9]+)?");
    /** Plain words YAML 1.2 reads as a boolean or null (our reader keeps YAML 1.1's yes/no/on/off as text). */
    private static final Pattern NOT_TEXT = Pattern.compile("(?i)true|false|null");

    /** Missing slice columns a message names one by one. */
    private static final int MAX_SLICES_SHOWN = 10;

    private Fixes() {
    }

    /** A role of a prediction file's column, its policy key, and the header names it usually goes by. */
    enum Role {
        LABEL("label", "--label-column", "the true label",
                "y_true", "ytrue", "target", "label", "labels", "true_label", "actual", "truth", "ground_truth",
                "y_test", "y", "class", "outcome"),
        SCORE("score", "--score-column", "the probability of the positive class",
                "y_prob", "y_proba", "y_score", "y_pred_proba", "pred_proba", "predict_proba", "predicted_proba",
                "predicted_probability", "proba", "probability", "prob", "proba_1", "prob_1", "probability_1",
                "score", "scores"),
        PREDICTION("prediction", "--prediction-column", "the model's prediction",
                "y_pred", "ypred", "y_hat", "yhat", "prediction", "predictions", "predicted", "predicted_label",
                "predicted_class", "pred", "pred_label"),
        WEIGHT("weight", "--weight-column", "a sample weight",
                "weight", "weights", "sample_weight", "sample_weights");

        final String key;
        final String option;
        final String meaning;
        private final List<String> usualNames;

        Role(String key, String option, String meaning, String... usualNames) {
            this.key = key;
            this.option = option;
            this.meaning = meaning;
            this.usualNames = List.of(usualNames);
        }

        /** The file's column that this role usually goes by, among those no other role took; the likeliest first. */
        Optional<String> guess(List<String> header, List<String> taken) {
            for (String usual : usualNames) {
                for (String column : header) {
                    if (!taken.contains(column) && squash(column).equals(squash(usual))) {
                        return Optional.of(column);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Case and word separators do not matter: {@code Y_True}, {@code y-true} and {@code ytrue} are one name. */
    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]", "");
    }

    /** {@code text} as a YAML scalar that reads back as this text. */
    static String yaml(String text) {
        if (PLAIN.matcher(text).matches() && !NOT_TEXT.matcher(text).matches()) {
            return text;
        }
        // a JSON string is a YAML double-quoted scalar
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /**
     * A block of the policy to paste, under {@code predictions:}: each entry a key (dotted for a nested one,
     * {@code columns.label}) and its value as YAML.
     */
    static String policyBlock(Map<String, String> entries) {
        StringBuilder out = new StringBuilder("predictions:");
        String section = "";
        for (Map.Entry<String, String> e : entries.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0) {
                out.append("\n  ").append(e.getKey()).append(": ").append(e.getValue());
                continue;
            }
            String parent = e.getKey().substring(0, dot);
            if (!parent.equals(section)) {
                out.append("\n  ").append(parent).append(':');
                section = parent;
            }
            out.append("\n    ").append(e.getKey().substring(dot + 1)).append(": ").append(e.getValue());
        }
        return out.toString();
    }

    /** What a column a role needs and the file lacks is, in a message. */
    record Missing(Role role, String name, boolean orPrediction) {
    }

    /**
     * The message for a file that lacks columns: every missing one at once, the policy lines that map each to the
     * column the header probably means, and the options that do the same on the command line.
     *
     * @param header the file's columns
     * @param missing the roles without a column, in the order the file is read
     * @param present the columns the file has for the other roles (a guess does not take them)
     * @param missingSlices slice columns the file lacks (no guess: a slice is the policy's choice)
     * @param delimiter the delimiter the file was read with
     */
    static String missingColumns(List<String> header, List<Missing> missing, List<String> present,
                                 List<String> missingSlices, char delimiter) {
        List<String> told = new ArrayList<>();
        for (Missing m : missing) {
            told.add(m.orPrediction()
                    ? "'" + RecordReader.clip(m.name()) + "' or 'prediction' for the model's answer (a binary model"
                    + " needs a score or a predicted class)"
                    : "'" + RecordReader.clip(m.name()) + "' for " + m.role().meaning);
        }
        // a policy may list many slices: the message stays short enough for a build log's line
        for (String slice : missingSlices.subList(0, Math.min(missingSlices.size(), MAX_SLICES_SHOWN))) {
            told.add("'" + RecordReader.clip(slice) + "' for a slice");
        }
        if (missingSlices.size() > MAX_SLICES_SHOWN) {
            told.add("and " + (missingSlices.size() - MAX_SLICES_SHOWN) + " more slice columns");
        }
        StringBuilder message = new StringBuilder(told.size() == 1 ? "no column " : "no columns ")
                .append(String.join("; ", told)).append(". The file has: ")
                .append(RecordReader.shownColumns(header));

        Map<String, String> policy = new LinkedHashMap<>();
        List<String> columns = header;
        Optional<Character> other = otherDelimiter(header, delimiter);
        if (other.isPresent()) {
            columns = List.of(header.get(0).split(Pattern.quote(String.valueOf(other.get())), -1));
            policy.put("delimiter", yaml(String.valueOf(other.get())));
        }
        List<String> taken = new ArrayList<>(present);
        List<String> options = new ArrayList<>();
        List<String> unguessed = new ArrayList<>();
        for (Missing m : missing) {
            if (columns.contains(m.name())) {
                continue; // found once the delimiter is right
            }
            List<Role> roles = m.orPrediction() ? List.of(Role.SCORE, Role.PREDICTION) : List.of(m.role());
            boolean guessed = false;
            for (Role role : roles) {
                Optional<String> guess = role.guess(columns, taken);
                if (guess.isPresent()) {
                    taken.add(guess.get());
                    policy.put("columns." + role.key, yaml(guess.get()));
                    options.add(role.option + " " + shellWord(guess.get()));
                    guessed = true;
                }
            }
            if (!guessed) {
                unguessed.add("no column looks like " + (m.orPrediction() ? "a score or a predicted class" : m.role()
                        .meaning) + ": name it under predictions.columns." + m.role().key);
            }
        }
        if (other.isPresent()) {
            message.append("\nThe header is one column holding '").append(other.get() == '\t' ? "\\t" : other.get())
                    .append("': the file looks ").append(other.get() == '\t' ? "tab" : "semicolon")
                    .append("-separated, while the policy reads it with '").append(delimiter)
                    .append("' (predictions.delimiter).");
        }
        if (!policy.isEmpty()) {
            message.append("\nTo read it, add to the policy:\n").append(policyBlock(policy));
            if (!options.isEmpty() && other.isEmpty()) {
                message.append("\n(or on the command line: ").append(String.join(" ", options)).append(')');
            }
        }
        unguessed.forEach(u -> message.append('\n').append(u));
        return message.toString();
    }

    /**
     * The message for a binary file none of whose labels is the positive class: the labels found, and the policy line
     * that names the one that probably is (with the classes, when the policy declares them).
     *
     * @param found the labels found, in order of appearance (at least two)
     * @param declared the classes the policy declares; empty when they are taken from the data
     */
    static String positiveMissing(String column, List<String> found, String positive, List<String> declared) {
        String shown = String.join(", ", found.stream().map(l -> "'" + RecordReader.clip(l) + "'").toList());
        StringBuilder message = new StringBuilder("column '").append(RecordReader.clip(column))
                .append("': the labels found are ").append(shown).append(", and none is the positive class '")
                .append(RecordReader.clip(positive)).append("' (predictions.positive");
        if (declared.isEmpty() && positive.equals("1")) {
            message.append(", by default 1");
        }
        message.append("); a binary model needs to know which label is the positive class.");
        Optional<String> likely = likelyPositive(found);
        Map<String, String> policy = new LinkedHashMap<>();
        String named = likely.orElse(found.get(0));
        policy.put("positive", yaml(named));
        if (!declared.isEmpty()) {
            List<String> classes = new ArrayList<>(found.stream().filter(l -> !l.equals(named)).limit(1).toList());
            classes.add(named);
            policy.put("classes", "[" + String.join(", ", classes.stream().map(Fixes::yaml).toList()) + "]");
        }
        message.append(likely.isPresent() ? "\nIf '" + RecordReader.clip(named) + "' is the positive class, add"
                : "\nName the positive class (one of the labels found) in the policy, for example")
                .append(likely.isPresent() ? " to the policy:\n" : ":\n").append(policyBlock(policy));
        return message.toString();
    }

    /** The label that reads as "yes", or the one beside a label that reads as "no"; empty when neither does. */
    private static Optional<String> likelyPositive(List<String> found) {
        List<String> yes = List.of("yes", "y", "true", "t", "1", "positive", "pos");
        List<String> no = List.of("no", "n", "false", "f", "0", "negative", "neg");
        List<String> positives = found.stream().filter(l -> yes.contains(l.strip().toLowerCase(Locale.ROOT))).toList();
        if (positives.size() == 1) {
            return Optional.of(positives.get(0));
        }
        List<String> others = found.stream().filter(l -> !no.contains(l.strip().toLowerCase(Locale.ROOT))).toList();
        return found.size() == 2 && others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    /**
     * The message for a score column none of whose values is a probability: said once for the file, with the scale
     * the values look like.
     *
     * @param outside how many scores lie outside [0, 1]
     * @param min the smallest score of the file
     * @param max the largest
     */
    static String scoresOutOfRange(String column, long outside, double min, double max) {
        String range = number(min) + " to " + number(max);
        StringBuilder message = new StringBuilder("column '").append(RecordReader.clip(column)).append("': ")
                .append(outside).append(outside == 1 ? " score lies" : " scores lie").append(" outside [0, 1] (from ")
                .append(range).append(") and none strictly between 0 and 1, so the column holds no probability;")
                .append(" expected the probability of the positive class. ");
        if (min >= 0 && max <= 100) {
            message.append("The scores look like percentages (a 0-100 scale): divide them by 100 (73 becomes 0.73).");
        } else if (min < 0) {
            message.append("Scores below 0 look like log-odds or a decision function: write the probability of the"
                    + " positive class instead (predict_proba's column for it), or name a column of predicted classes"
                    + " (predictions.columns.prediction) and no score column.");
        } else {
            message.append("The scores look like a scale up to ").append(number(max))
                    .append(": divide them by the scale's largest value.");
        }
        return message.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A semicolon or a tab, when the header read as one column holding it (and the file is read with another). */
    private static Optional<Character> otherDelimiter(List<String> header, char delimiter) {
        if (header.size() != 1) {
            return Optional.empty();
        }
        for (char c : new char[] {';', '\t'}) {
            if (c != delimiter && header.get(0).indexOf(c) >= 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A column name as one word of a POSIX shell command line. */
    private static String shellWord(String name) {
        return name.matches("[A-Za-z0-9_.,:/=+-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
