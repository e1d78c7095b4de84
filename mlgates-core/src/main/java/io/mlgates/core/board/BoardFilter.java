package io.mlgates.core.board;

import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which models a board shows: each given criterion must hold. The same four are a page's query parameters
 * ({@code ?team=&stage=&status=&train=}), so a filtered board is a link one can share.
 *
 * @param team the owning team ({@code model.team}), exactly as the policy writes it
 * @param stage the stage the latest candidate heads for
 * @param status where it stands
 * @param train the release train the model rides ({@code promotion.train.name} of a policy with a train)
 */
public record BoardFilter(Optional<String> team, Optional<String> stage, Optional<BoardStatus> status,
                          Optional<String> train) {
    /** The query parameters a filter is read from, in the order a link writes them. */
    public static final List<String> PARAMETERS = List.of("team", "stage", "status", "train");

    public BoardFilter {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(train, "train");
    }

    public static BoardFilter all() {
        return new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads a filter from query-style parameters: {@code team}, {@code stage}, {@code status}, {@code train}, each
     * at most once; an empty value sets no criterion (as an empty choice of a form submits it). Other parameters are
     * not a filter's and are left to the caller.
     *
     * @throws BoardFilterException naming the parameter and the values it accepts
     */
    public static BoardFilter parse(Map<String, List<String>> parameters) throws BoardFilterException {
        return new BoardFilter(
                text(parameters, "team", Policy.TEAM, "a team name: letters, digits, spaces, '.', '_' and '-',"
                        + " starting and ending with a letter or digit, at most 64 characters"),
                text(parameters, "stage", StagePolicy.NAME, "a stage name: lower-case letters, digits and dashes,"
                        + " starting with a letter, at most 63 characters"),
                status(parameters),
                text(parameters, "train", ReleaseTrain.NAME, "a train name: lower-case letters, digits and dashes,"
                        + " starting with a letter, at most 63 characters"));
    }

    /** Whether the row passes every criterion given. */
    public boolean matches(ModelRow row) {
        return (team.isEmpty() || team.equals(row.facts().team()))
                && (stage.isEmpty() || stage.equals(row.nextStage()))
                && (status.isEmpty() || status.get() == row.status())
                && (train.isEmpty() || train.equals(row.facts().trainName()));
    }

    /** The filter as a query string without the {@code ?}, URL-encoded; empty for {@link #all()}. */
    public String query() {
        List<String> pairs = new ArrayList<>();
        team.ifPresent(t -> pairs.add("team=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
        stage.ifPresent(s -> pairs.add("stage=" + s));
        status.ifPresent(s -> pairs.add("status=" + s.name()));
        train.ifPresent(t -> pairs.add("train=" + t));
        return String.join("&", pairs);
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name)
            throws BoardFilterException {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BoardFilterException(name, name + ": given " + values.size() + " times; give it at most once");
        }
        return values.stream().filter(v -> !v.isEmpty()).findFirst();
    }

    private static Optional<String> text(Map<String, List<String>> parameters, String name, Pattern form,
                                         String expected) throws BoardFilterException {
        Optional<String> value = single(parameters, name);
        if (value.isPresent() && !form.matcher(value.get()).matches()) {
            throw new BoardFilterException(name, name + ": expected " + expected + ", got '"
                    + shown(value.get()) + "'");
        }
        return value;
    }

    private static Optional<BoardStatus> status(Map<String, List<String>> parameters) throws BoardFilterException {
        Optional<String> value = single(parameters, "status");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String upper = value.get().toUpperCase(Locale.ROOT);
        for (BoardStatus s : BoardStatus.values()) {
            if (s.name().equals(upper)) {
                return Optional.of(s);
            }
        }
        throw new BoardFilterException("status", "status: expected one of " + String.join(", ",
                Arrays.stream(BoardStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList())
                + " (any case), got '" + shown(value.get()) + "'");
    }

    /** A value as an error quotes it: control characters escaped, at most 80 characters. */
    private static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
    }
}
