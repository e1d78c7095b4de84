package io.mlgates.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classes of a classifier and the label spellings that name them. Labels that read as the same number
 * ({@code 1} and {@code 1.0}) name the same class. Classes are either declared by the policy (then any other
 * label is invalid) or discovered in order of appearance, up to a bound.
 */
final class ClassLabels {
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final Map<String, Integer> cache = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final boolean closed;
    private final int maxClasses;

    private ClassLabels(List<String> declared, boolean closed, int maxClasses) {
        for (String name : declared) {
            add(name);
        }
        this.closed = closed;
        this.maxClasses = maxClasses;
    }

    static ClassLabels declared(List<String> classes) {
        return new ClassLabels(classes, true, classes.size());
    }

    /** Classes found in the data, starting with {@code initial} (for binary, the positive class). */
    static ClassLabels discovered(List<String> initial, int maxClasses) {
        return new ClassLabels(initial, false, maxClasses);
    }

    private int add(String name) {
        int index = names.size();
        names.add(name);
        indexByKey.put(key(name), index);
        return index;
    }

    /** The class a label names; empty when the label is not a class and no new class may be added. */
    Optional<Integer> indexOf(String label) {
        Integer hit = cache.get(label);
        if (hit != null) {
            return Optional.of(hit);
        }
        Integer index = indexByKey.get(key(label));
        if (index == null) {
            if (closed || names.size() >= maxClasses) {
                return Optional.empty();
            }
            index = add(label);
        }
        if (cache.size() < 10_000) {
            cache.put(label, index);
        }
        return Optional.of(index);
    }

    List<String> names() {
        return List.copyOf(names);
    }

    /**
     * Whether a range that found {@code this} gave each label the index a read from the file's start would: its
     * classes and those found before it ({@code before}) agree where both have one, spelt alike (messages name
     * them), and its new ones follow.
     */
    boolean agreesAfter(ClassLabels before) {
        int common = Math.min(names.size(), before.names.size());
        for (int i = 0; i < common; i++) {
            if (!names.get(i).equals(before.names.get(i))) {
                return false;
            }
        }
        for (int i = common; i < names.size(); i++) {
            if (before.indexByKey.containsKey(key(names.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Adds the classes that {@code later} (a later range that agrees) found, in its order. */
    void absorb(ClassLabels later) {
        for (String name : later.names) {
            if (!indexByKey.containsKey(key(name))) {
                add(name);
            }
        }
    }

    private static String key(String label) {
        String s = label.strip();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+'
                || s.charAt(0) == '.')) {
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) {
                    return "\u0000num:" + (v == 0 ? 0.0 : v);
                }
            } catch (NumberFormatException e) {
                // not a number: the label is its own spelling
            }
        }
        return s;
    }
}
