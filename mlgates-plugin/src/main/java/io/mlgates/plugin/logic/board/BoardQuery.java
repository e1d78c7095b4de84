package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.BoardFilter;
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
import java.util.function.Function;

/**
 * The board's four filters as the page's query parameters ({@code ?team=&stage=&status=&train=}), so a filtered board
 * is a link one can share. A value is accepted when a model the viewer may see has it (a status: any of the board's
 * statuses, in any case); an empty parameter filters nothing. A value that is not accepted is a problem naming the
 * parameter and the values it accepts, never an exception page; the accepted values come from the visible models
 * only, so the message tells nothing of a hidden one.
 *
 * @param filter the filter the parameters give, without the refused ones
 * @param problems one sentence per refused parameter
 * @param choices the values each parameter accepts, for the page's filter form
 */
public record BoardQuery(BoardFilter filter, List<String> problems, Choices choices) {
    public static final List<String> PARAMETERS = List.of("team", "stage", "status", "train");

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
     * Reads the parameters.
     *
     * @param parameter the request's value of a parameter, null when it is not given
     * @param visible the models the viewer may see, whose values the filters accept
     */
    public static BoardQuery parse(Function<String, String> parameter, List<ModelFacts> visible) {
        Choices choices = Choices.of(visible);
        List<String> problems = new ArrayList<>();
        Optional<String> team = accepted("team", parameter, choices, problems);
        Optional<String> stage = accepted("stage", parameter, choices, problems);
        Optional<BoardStatus> status = accepted("status", parameter, choices, problems)
                .map(s -> BoardStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        Optional<String> train = accepted("train", parameter, choices, problems);
        return new BoardQuery(new BoardFilter(team, stage, status, train), problems, choices);
    }

    private static Optional<String> accepted(String name, Function<String, String> parameter, Choices choices,
                                             List<String> problems) {
        String given = parameter.apply(name);
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String value = given.strip();
        List<String> accepted = choices.of(name);
        Optional<String> match = name.equals("status")
                ? accepted.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                : accepted.stream().filter(a -> a.equals(value)).findFirst();
        if (match.isEmpty()) {
            problems.add("The parameter " + name + " does not accept '" + value + "'; it accepts "
                    + (accepted.isEmpty() ? "no value, as no model you may see has one" : String.join(", ", accepted))
                    + ", or nothing for every " + name + ".");
        }
        return match;
    }

    /** A status as the query writes it. */
    public static String name(BoardStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The filter as a query string ({@code ?team=fraud&status=blocked}), empty when it filters nothing. */
    public static String queryString(BoardFilter filter) {
        List<String> parts = new ArrayList<>();
        filter.team().ifPresent(v -> parts.add("team=" + encode(v)));
        filter.stage().ifPresent(v -> parts.add("stage=" + encode(v)));
        filter.status().ifPresent(v -> parts.add("status=" + name(v)));
        filter.train().ifPresent(v -> parts.add("train=" + encode(v)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** A value inside a URL: a query value or a path segment ({@code %20}, never {@code +}, for a space). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
