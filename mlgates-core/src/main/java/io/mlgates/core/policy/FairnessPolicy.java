package io.mlgates.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which groups the ethics gate compares, and the limits on their disparities.
 *
 * @param sensitive columns of the prediction file that hold a sensitive attribute (sex, age band)
 * @param intersections combinations of sensitive columns judged together, each of at least two
 * @param favourable which predicted class benefits the person
 * @param minGroupSize groups with fewer rows are reported but not judged, with their size stated
 * @param reference the reference (privileged) group of an attribute, for {@code disparate_impact}; an
 *     intersection's reference is written {@code male&25-39} under the key {@code sex&age_band}
 * @param limits limits on disparity metrics
 * @param missing whether rows with an empty sensitive value form the group {@code (missing)} or are left out
 */
public record FairnessPolicy(List<String> sensitive, List<List<String>> intersections, Favourable favourable,
                             int minGroupSize, Map<String, String> reference, List<FairnessLimit> limits,
                             MissingValues missing) {
    public static final int DEFAULT_MIN_GROUP_SIZE = 30;
    /** Joins attribute names, and group values, of an intersection. */
    public static final String JOIN = "&";

    public FairnessPolicy {
        sensitive = List.copyOf(sensitive);
        intersections = intersections.stream().map(List::copyOf).toList();
        Objects.requireNonNull(favourable, "favourable");
        reference = Collections.unmodifiableMap(new LinkedHashMap<>(reference));
        limits = List.copyOf(limits);
        Objects.requireNonNull(missing, "missing");
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("minGroupSize must be at least 1: " + minGroupSize);
        }
        for (List<String> intersection : intersections) {
            if (intersection.size() < 2) {
                throw new IllegalArgumentException("an intersection needs at least two attributes: " + intersection);
            }
        }
    }

    public static FairnessPolicy defaults() {
        return new FairnessPolicy(List.of(), List.of(), Favourable.POSITIVE, DEFAULT_MIN_GROUP_SIZE, Map.of(),
                List.of(), MissingValues.GROUP);
    }

    /**
     * The same policy judging these sensitive columns, an entry {@code a&b} asking for that intersection; the policy's
     * intersections of columns no longer judged are dropped.
     */
    public FairnessPolicy withSensitive(List<String> columns) {
        List<String> plain = columns.stream().filter(c -> !c.contains(JOIN)).distinct().toList();
        List<List<String>> kept = new ArrayList<>(intersections.stream().filter(plain::containsAll).toList());
        columns.stream().filter(c -> c.contains(JOIN)).map(c -> List.of(c.split(JOIN)))
                .filter(i -> !kept.contains(i)).forEach(kept::add);
        return new FairnessPolicy(plain, kept, favourable, minGroupSize, reference, limits, missing);
    }

    /** The same policy with these reference groups set over its own. */
    public FairnessPolicy withReference(Map<String, String> groups) {
        Map<String, String> merged = new LinkedHashMap<>(reference);
        merged.putAll(groups);
        return new FairnessPolicy(sensitive, intersections, favourable, minGroupSize, merged, limits, missing);
    }

    /** The attributes judged: each sensitive column, then each intersection written {@code a&b}. */
    public List<String> attributes() {
        List<String> attributes = new ArrayList<>(sensitive);
        intersections.forEach(i -> attributes.add(String.join(JOIN, i)));
        return attributes;
    }
}
