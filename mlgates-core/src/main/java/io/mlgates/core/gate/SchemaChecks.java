package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.DocumentationPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.SchemaPolicy;
import io.mlgates.core.policy.Severity;
import io.mlgates.core.schema.ColumnRows;
import io.mlgates.core.schema.ColumnType;
import io.mlgates.core.schema.InputSchema;
import io.mlgates.core.schema.Offences;
import io.mlgates.core.schema.SchemaChange;
import io.mlgates.core.schema.SchemaColumn;
import io.mlgates.core.schema.SchemaFiles;
import io.mlgates.core.schema.SchemaRule;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of the model's input schema (docs/schema.md): the declared schema against production's (a removed or
 * retyped input FAILs unless {@code schema.breaks} declares it; an added input WARNs), and the evaluation data's
 * columns and values against the declared schema ({@code schema:<column>:<rule>}).
 */
final class SchemaChecks {
    private SchemaChecks() {
    }

    /**
     * The model's declared schema: the policy's {@code schema.declared}, else {@code model/schema.json}, else one
     * derived from the feature list; empty when the repository has none of them. Recorded as evidence.
     */
    static Optional<InputSchema> declared(Workspace ws, Policy policy, String policyName, List<Evidence.Input> inputs)
            throws BadInputException {
        SchemaPolicy schema = policy.schema();
        InputSchema read;
        if (schema.declared().isPresent()) {
            Path file = ws.resolve(schema.declared().get(), policyName + " (schema.declared)");
            read = SchemaFiles.read(file, ws.display(file));
        } else {
            Path conventional = ws.resolve(SchemaPolicy.DEFAULT_DECLARED, "the conventional schema");
            String features = policy.ethics().documentation().features().orElse(DocumentationPolicy.FEATURES);
            Path featureList = ws.resolve(features, policyName + " (ethics.documentation.features)");
            if (Files.exists(conventional, LinkOption.NOFOLLOW_LINKS)) {
                read = SchemaFiles.read(conventional, ws.display(conventional));
            } else if (Files.exists(featureList, LinkOption.NOFOLLOW_LINKS)) {
                read = SchemaFiles.derive(featureList, ws.display(featureList));
            } else {
                return Optional.empty();
            }
        }
        inputs.add(new Evidence.Input("schema", read.file(), read.digest()));
        return Optional.of(read);
    }

    /** The declared schema against production's, as the policy's {@code schema.production} names it. */
    static List<CheckResult> againstProduction(InputSchema declared, Workspace ws, SchemaPolicy policy,
                                               String policyName, List<Evidence.Input> inputs)
            throws BadInputException {
        List<CheckResult> checks = new ArrayList<>();
        if (policy.production().isEmpty()) {
            checks.add(DocumentationChecks.simple("schema:production", Status.SKIPPED, "no schema.production in "
                    + policyName + ": the inputs of " + declared.file() + " are not compared with the production"
                    + " version's (docs/schema.md)"));
            policy.breaks().keySet().forEach(column -> checks.add(staleBreak(column, "no production schema is"
                    + " compared")));
            return checks;
        }
        Path file = ws.resolve(policy.production().get(), policyName + " (schema.production)");
        String shown = ws.display(file);
        InputSchema production = SchemaFiles.readEither(file, shown);
        inputs.add(new Evidence.Input("schema.production", production.file(), production.digest()));
        List<SchemaChange> changes = SchemaChange.between(production, declared);
        Set<String> broken = new LinkedHashSet<>();
        for (SchemaChange change : changes) {
            String id = "schema:" + change.column() + ":" + change.rule().id();
            String column = "'" + change.column() + "'";
            if (change.rule() == SchemaRule.ADDED) {
                checks.add(DocumentationChecks.simple(id, Status.WARN, "input " + column + " ("
                        + change.candidate().orElseThrow() + ") is new: " + shown + " has no such input; whoever"
                        + " calls the model must send it before this version serves"));
                continue;
            }
            broken.add(change.column());
            String what = change.rule() == SchemaRule.REMOVED
                    ? "input " + column + " (" + change.production().orElseThrow() + ") of " + shown
                            + " is not in " + declared.file() + change.renamedTo().map(r -> " (renamed to '" + r
                            + "'? the one added input of that type)").orElse("")
                    : "input " + column + " is " + change.production().orElseThrow() + " in " + shown + " and "
                            + change.candidate().orElseThrow() + " in " + declared.file();
            Optional<String> reason = Optional.ofNullable(policy.breaks().get(change.column()));
            checks.add(reason.isPresent()
                    ? DocumentationChecks.simple(id, Status.PASS, what + ": a breaking change, declared in"
                            + " schema.breaks: " + reason.get())
                    : DocumentationChecks.simple(id, Status.FAIL, what + ": a breaking change for whoever calls"
                            + " the production model; if intended, declare it in schema.breaks with the reason"));
        }
        for (String column : policy.breaks().keySet()) {
            if (!broken.contains(column)) {
                checks.add(staleBreak(column, shown + " and " + declared.file() + " agree on it"));
            }
        }
        if (changes.isEmpty()) {
            checks.add(DocumentationChecks.simple("schema:production", Status.PASS, declared.file() + " declares the"
                    + " same " + declared.columns().size() + " inputs, of the same types, as " + shown));
        }
        return checks;
    }

    /** A declared break that breaks nothing: said, so that the declaration does not outlive its reason. */
    private static CheckResult staleBreak(String column, String why) {
        return DocumentationChecks.simple("schema:" + column + ":breaks", Status.WARN, "schema.breaks declares a"
                + " break of '" + column + "', but " + why + ": remove the declaration");
    }

    /**
     * The evaluation data against the declared schema. A declared input the data lacks FAILs when the data is meant
     * to carry the model's inputs ({@code carriesInputs}: the feature file {@code data.current} names, or a prediction
     * file whose inputs the policy judges drift on);
     * a prediction file that carries a few inputs beside its predictions (a sensitive attribute) is checked on those,
     * the rest told skipped.
     *
     * @param dataFile the file the values were read from, as messages name it
     * @param rows what the declared columns the file has held, in the schema's order
     */
    static List<CheckResult> data(InputSchema declared, String dataFile, List<ColumnRows> rows, SchemaPolicy policy,
                                  boolean carriesInputs) {
        List<CheckResult> checks = new ArrayList<>();
        Set<String> present = rows.stream().map(r -> r.column().name()).collect(Collectors.toSet());
        List<SchemaColumn> missing = declared.columns().stream().filter(c -> !present.contains(c.name())).toList();
        if (!carriesInputs && !missing.isEmpty()) {
            checks.add(DocumentationChecks.simple("schema:inputs", Status.SKIPPED, dataFile + " carries "
                    + rows.size() + " of the " + declared.columns().size() + " inputs of " + declared.file()
                    + (rows.isEmpty() ? "" : " (" + String.join(", ", present.stream().sorted().toList()) + ")")
                    + ": the others are not checked"));
            if (rows.isEmpty()) {
                return checks;
            }
        }
        if (carriesInputs) {
            for (SchemaColumn column : missing) {
                checks.add(CheckResult.ofInput("schema:" + column.name() + ":missing", Status.FAIL, 0, "input '"
                        + column.name() + "' of " + declared.file() + " is not a column of " + dataFile
                        + ": the model cannot be judged on the inputs it was built for"));
            }
        }
        Status broken = policy.severity() == Severity.FAIL ? Status.FAIL : Status.WARN;
        for (ColumnRows column : rows) {
            SchemaColumn c = column.column();
            String name = "'" + c.name() + "'";
            offences(checks, column, SchemaRule.TYPE, column.type(), broken, dataFile, "values of " + name
                    + " are not " + (c.type() == ColumnType.INTEGER ? "whole numbers"
                    : "finite numbers") + " (declared " + c.type().shown() + ")");
            offences(checks, column, SchemaRule.RANGE, column.range(), broken, dataFile, "values of " + name
                    + " are outside the declared range " + c.shownRange().orElse(""));
            offences(checks, column, SchemaRule.CATEGORY, column.category(), broken, dataFile, "values of " + name
                    + " are not among its " + c.categories().size() + " declared categories");
            double limit = c.maxNullShareOr(policy.maxNullShare());
            if (column.nullShare().isPresent() && column.nullShare().getAsDouble() > limit) {
                offences(checks, column, SchemaRule.NULLS, column.nulls(), broken, dataFile, "values of " + name
                        + " are null (" + percent(column.nullShare().getAsDouble()) + ", above the "
                        + percent(limit) + " allowed by " + (c.maxNullShare().isPresent() ? declared.file()
                        : "schema.maxNullShare") + ")");
            }
        }
        if (checks.stream().noneMatch(c -> c.status() != Status.SKIPPED) && !rows.isEmpty()) {
            long rowsRead = rows.get(0).rows();
            checks.add(CheckResult.ofInput("schema:data", Status.PASS, rowsRead, "every value of "
                    + (rows.size() == 1 ? "the input '" + rows.get(0).column().name() + "'" : "the " + rows.size()
                    + " inputs") + " of " + declared.file() + " in " + dataFile + " (" + rowsRead
                    + " rows) is as declared"));
        }
        return checks;
    }

    /** A gate that judges statistics files, without a feature file in {@code data.current}, has no values to check. */
    static CheckResult noValues(InputSchema declared) {
        return DocumentationChecks.simple("schema:inputs", Status.SKIPPED, "judged from statistics files, which hold"
                + " no input values: the data is not checked against the " + declared.columns().size() + " inputs of "
                + declared.file());
    }

    private static void offences(List<CheckResult> checks, ColumnRows column, SchemaRule rule, Offences offences,
                                 Status status, String dataFile, String what) {
        if (offences.count() == 0) {
            return;
        }
        String first = offences.first().stream()
                .map(o -> dataFile + ":" + o.line() + (rule == SchemaRule.NULLS ? "" : " '" + o.value() + "'"))
                .collect(Collectors.joining(", "));
        checks.add(CheckResult.ofInput("schema:" + column.column().name() + ":" + rule.id(), status,
                offences.count(), offences.count() + " of " + column.rows() + " " + what + "; first: " + first));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g%%", share * 100);
    }
}
