package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardFilterException;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.policy.StagePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Map;

/**
 * The board's four filters as the page's query parameters ({@code ?team=&stage=&status=&train=}), so a filtered board
 * is a link one can share. A value is accepted when the core reads it ({@link BoardFilter#parse}) and a model the
 * viewer may see has it (a status: any of the board's statuses, in any case); an empty parameter filters nothing. A value that is not accepted is a problem naming the
 * parameter and the values it accepts, never an exception page; the accepted values come from the visible models
 * only, so the message tells nothing of a hidden one.
 *
 * @param filter the filter the parameters give, without the refused ones
 * @param problems one sentence per refused parameter
 * @param choices the values each parameter accepts, for the page's filter form
 */
public record BoardQuery(BoardFilter filter, List<String> problems, Choices choices) {
    public BoardQuery {
        Objects.requireNonNull(filter, "filter");
        problems = List.copyOf(problems);
        Objects.requireNonNull(choices, "choices");
    }

    /**
     * The values each filter accepts, sorted.
     *
     * @param statuses the board's statuses as the query writes them: lower case
     */
    public record Choices(List<String> teams, List<String> stages, List<String> statuses, List<String> trains) {
        public Choices {
            teams = List.copyOf(teams);
            stages = List.copyOf(stages);
            statuses = List.copyOf(statuses);
            trains = List.copyOf(trains);
        }

        /** The values the visible models give each filter. */
        public static Choices of(List<ModelFacts> visible) {
            TreeSet<String> teams = new TreeSet<>();
            TreeSet<String> stages = new TreeSet<>();
            TreeSet<String> trains = new TreeSet<>();
            for (ModelFacts f : visible) {
                f.team().ifPresent(teams::add);
                f.promotion().stages().stream().map(StagePolicy::name).forEach(stages::add);
                f.trainName().ifPresent(trains::add);
            }
            return new Choices(List.copyOf(teams), List.copyOf(stages),
                    Arrays.stream(BoardStatus.values()).map(BoardQuery::name).toList(), List.copyOf(trains));
        }

        public List<String> of(String parameter) {
            return switch (parameter) {
                case "team" -> teams;
                case "stage" -> stages;
                case "status" -> statuses;
                case "train" -> trains;
                default -> throw new IllegalArgumentException("no filter " + parameter);
            };
        }
    }

    /**
     * Reads the parameters: each as the core reads a filter ({@link BoardFilter#parse}: its form, at most once), then
     * against the values of the visible models, so that every refused parameter is named, not only the first.
     *
     * @param parameters the request's query parameters, each with its values
     * @param visible the models the viewer may see, whose values the filters accept
     */
    public static BoardQuery parse(Map<String, List<String>> parameters, List<ModelFacts> visible) {
        Choices choices = Choices.of(visible);
        List<String> problems = new ArrayList<>();
        BoardFilter read = BoardFilter.all();
        for (String name : BoardFilter.PARAMETERS) {
            try {
                BoardFilter one = BoardFilter.parse(Map.of(name, parameters.getOrDefault(name, List.of())));
                Optional<String> value = given(one, name);
                if (value.isPresent() && !choices.of(name).contains(value.get())) {
                    problems.add(name + ": no model you may see has '" + value.get() + "'; " + accepted(choices, name));
                } else {
                    read = merge(read, one);
                }
            } catch (BoardFilterException e) {
                problems.add(e.getMessage() + "; " + accepted(choices, name));
            }
        }
        return new BoardQuery(read, problems, choices);
    }

    private static String accepted(Choices choices, String name) {
        List<String> values = choices.of(name);
        return (values.isEmpty() ? "no model you may see has a " + name : "accepted here: " + String.join(", ", values))
                + ", or nothing for every " + name;
    }

    /** The value a one-parameter filter holds, as the choices write it. */
    private static Optional<String> given(BoardFilter one, String name) {
        return switch (name) {
            case "team" -> one.team();
            case "stage" -> one.stage();
            case "status" -> one.status().map(BoardQuery::name);
            default -> one.train();
        };
    }

    private static BoardFilter merge(BoardFilter a, BoardFilter b) {
        return new BoardFilter(a.team().or(b::team), a.stage().or(b::stage), a.status().or(b::status),
                a.train().or(b::train));
    }

    /** A status as the query writes it. */
    public static String name(BoardStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The filter as a query string ({@code ?team=fraud&status=BLOCKED}, the core's), empty when it filters nothing. */
    public static String queryString(BoardFilter filter) {
        String query = filter.query();
        return query.isEmpty() ? "" : "?" + query;
    }

    /** A value inside a URL: a query value or a path segment ({@code %20}, never {@code +}, for a space). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
