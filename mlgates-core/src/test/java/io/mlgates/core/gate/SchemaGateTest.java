package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation gate's schema checks: production's schema against the candidate's, the data against the latter. */
class SchemaGateTest {
    private static final String HEAD = "{\"format\": \"mlgates-input-schema\", \"version\": 1, \"columns\": [\n";

    @TempDir
    Path repo;

    @BeforeEach
    void repository() throws IOException {
        Files.createDirectories(repo.resolve("model"));
        Files.createDirectories(repo.resolve("production"));
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("model/m.bin"), "model");
        // production's inputs: income was renamed household_income, region was categorical and is now text
        write("production/schema.json", HEAD + """
                {"name": "age", "type": "integer", "min": 18, "max": 99},
                {"name": "income", "type": "numeric"},
                {"name": "region", "type": "categorical", "categories": ["north", "south"]},
                {"name": "purpose", "type": "categorical", "categories": ["car", "tv"]}]}
                """);
        write("model/schema.json", HEAD + """
                {"name": "age", "type": "integer", "min": 18, "max": 99, "nullable": false},
                {"name": "household_income", "type": "numeric"},
                {"name": "region", "type": "text"},
                {"name": "purpose", "type": "categorical", "categories": ["car", "tv"]}]}
                """);
        // purpose meets a category the model was not built for on lines 4 and 8; age is out of range on line 6
        write("eval/predictions.csv", """
                label,score,age,household_income,region,purpose
                1,0.9,35,4100,north,car
                1,0.8,41,3900,south,boat
                1,0.4,29,2500,north,tv
                1,0.7,17,1800,south,car
                0,0.6,52,5200,north,tv
                0,0.3,38,3300,south,boat
                0,0.2,45,4700,north,car
                0,0.1,61,6100,south,tv
                """);
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(repo.resolve(path), text);
    }

    private GateResult validate(String policy) throws BadInputException, IOException {
        write("mlgates.yaml", policy);
        Workspace ws = Workspace.at(repo);
        return new ValidationGate().evaluate(ValidationRequest.of(ws, new PolicyLoader().loadFromRepository(repo),
                FixedClock.CLOCK));
    }

    private static CheckResult check(GateResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " among " + r.checks().stream()
                        .map(CheckResult::id).toList()));
    }

    private static final String POLICY = """
            model: {name: loans}
            limits:
              - {metric: roc_auc, min: 0.5}
            schema:
              production: production/schema.json
            """;

    @Test
    @DisplayName("a renamed input FAILs as removed, naming the likely new name, and the new name WARNs as added")
    void aRenamedInput() throws Exception {
        GateResult r = validate(POLICY);

        assertThat(check(r, "schema:income:removed").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "schema:income:removed").message()).isEqualTo("input 'income' (numeric) of"
                + " production/schema.json is not in model/schema.json (renamed to 'household_income'? the one added"
                + " input of that type): a breaking change for whoever calls the production model; if intended,"
                + " declare it in schema.breaks with the reason");
        assertThat(check(r, "schema:household_income:added").status()).isEqualTo(Status.WARN);
        assertThat(check(r, "schema:household_income:added").message()).isEqualTo("input 'household_income'"
                + " (numeric) is new: production/schema.json has no such input; whoever calls the model must send it"
                + " before this version serves");
        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("a retyped input FAILs, saying both types")
    void aRetypedInput() throws Exception {
        GateResult r = validate(POLICY);

        assertThat(check(r, "schema:region:retyped").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "schema:region:retyped").message()).startsWith("input 'region' is categorical in"
                + " production/schema.json and text in model/schema.json: a breaking change");
    }

    @Test
    @DisplayName("a new category WARNs with its count and the first offending lines of the file")
    void aNewCategory() throws Exception {
        GateResult r = validate(POLICY);

        CheckResult category = check(r, "schema:purpose:category");
        assertThat(category.status()).isEqualTo(Status.WARN);
        assertThat(category.observed()).hasValue(2);
        assertThat(category.message()).isEqualTo("2 of 8 values of 'purpose' are not among its 2 declared"
                + " categories; first: eval/predictions.csv:3 'boat', eval/predictions.csv:7 'boat'");
        assertThat(check(r, "schema:age:range").message()).isEqualTo("1 of 8 values of 'age' are outside the"
                + " declared range [18, 99]; first: eval/predictions.csv:5 '17'");
    }

    @Test
    @DisplayName("declared breaks pass with their reason; a declaration that breaks nothing WARNs; severity fail")
    void declaredBreaks() throws Exception {
        GateResult r = validate(POLICY + """
                  severity: fail
                  breaks:
                    income: renamed household_income; the scoring service sends both since release 42
                    region: free text since the regions were redrawn
                    age: kept by mistake
                """);

        assertThat(check(r, "schema:income:removed").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "schema:income:removed").message()).endsWith("a breaking change, declared in"
                + " schema.breaks: renamed household_income; the scoring service sends both since release 42");
        assertThat(check(r, "schema:region:retyped").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "schema:age:breaks").status()).isEqualTo(Status.WARN);
        assertThat(check(r, "schema:purpose:category").status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().inputs()).extracting(Evidence.Input::role)
                .containsExactly("predictions", "schema", "schema.production");
    }

    @Test
    @DisplayName("without schema.production the comparison is skipped, said why")
    void noProductionSchema() throws Exception {
        GateResult r = validate("model: {name: loans}\nlimits:\n  - {metric: roc_auc, min: 0.5}\n");

        assertThat(check(r, "schema:production").status()).isEqualTo(Status.SKIPPED);
        assertThat(r.checks()).extracting(CheckResult::id).doesNotContain("schema:income:removed");
        assertThat(check(r, "schema:purpose:category").status()).isEqualTo(Status.WARN);
    }

    @Test
    @DisplayName("nulls above the allowed share are told with their lines; a column without one uses the policy's")
    void nulls() throws Exception {
        write("eval/predictions.csv", """
                label,score,age,household_income,region,purpose
                1,0.9,,4100,north,car
                1,0.8,41,,south,car
                0,0.6,52,5200,north,tv
                0,0.1,61,6100,south,tv
                """);

        GateResult r = validate(POLICY + "  maxNullShare: 0.25\n");

        assertThat(check(r, "schema:age:nulls").message()).isEqualTo("1 of 4 values of 'age' are null (25.00%,"
                + " above the 0.000% allowed by model/schema.json); first: eval/predictions.csv:2");
        assertThat(r.checks()).extracting(CheckResult::id).doesNotContain("schema:household_income:nulls");
    }

    @Test
    @DisplayName("a schema the data does not carry: none of its inputs is checked, said so")
    void dataWithoutInputs() throws Exception {
        write("eval/predictions.csv", "label,score\n1,0.9\n0,0.1\n");

        GateResult r = validate(POLICY);

        assertThat(check(r, "schema:inputs").status()).isEqualTo(Status.SKIPPED);
        assertThat(check(r, "schema:inputs").message()).startsWith("eval/predictions.csv carries 0 of the 4 inputs"
                + " of model/schema.json: the others are not checked");
    }

    @Test
    @DisplayName("a bad schema file is bad input at its line")
    void badSchema() throws Exception {
        write("model/schema.json", HEAD + "{\"name\": \"age\", \"type\": \"int\"}]}");

        assertThatThrownBy(() -> validate(POLICY)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("model/schema.json:2:25: column 'age': expected \"type\"");
    }

    @Test
    @DisplayName("without model/schema.json the schema is derived from the feature list")
    void derivedFromFeatures() throws Exception {
        Files.delete(repo.resolve("model/schema.json"));
        write("model/features.json", "{\"features\": [{\"name\": \"age\", \"type\": \"numeric\"},"
                + " {\"name\": \"purpose\", \"type\": \"nominal\", \"values\": [\"car\", \"tv\", \"boat\"]}]}");

        GateResult r = validate("model: {name: loans}\nlimits:\n  - {metric: roc_auc, min: 0.5}\n");

        assertThat(check(r, "schema:data").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "schema:data").message()).isEqualTo("every value of the 2 inputs of model/features.json"
                + " in eval/predictions.csv (8 rows) is as declared");
    }

    @Test
    @DisplayName("a shifted distribution WARNs as drift, with the method Evidently chooses and the rows compared")
    void aShiftedDistribution() throws Exception {
        // 40 reference incomes 1000, 1010, ..., 1390: all below the 8 current ones (1800 to 6100). Under 1000
        // reference rows, a numeric column of more than 5 distinct values is judged by the two-sample KS test,
        // whose p-value for samples this far apart (D = 1) is 2 / C(48, 8), far below 0.05.
        StringBuilder reference = new StringBuilder("household_income\n");
        for (int i = 0; i < 40; i++) {
            reference.append(1000 + 10 * i).append('\n');
        }
        Files.createDirectories(repo.resolve("data"));
        write("data/reference.csv", reference.toString());

        GateResult r = validate(POLICY + "data:\n  reference: data/reference.csv\n");

        CheckResult drift = check(r, "drift:household_income");
        assertThat(drift.status()).isEqualTo(Status.WARN);
        assertThat(drift.message()).startsWith("drift in 'household_income': ks p-value ")
                .endsWith(" <= 0.05 (40 reference, 8 current values)");
        assertThat(r.drift().orElseThrow().columns().get("household_income").method().id()).isEqualTo("ks");
    }

    @Test
    @DisplayName("where drift reads the prediction file's inputs, a declared input it lacks FAILs as missing")
    void aMissingInput() throws Exception {
        write("eval/predictions.csv", """
                label,score,age,household_income,purpose
                1,0.9,35,4100,car
                0,0.1,61,6100,tv
                """);
        Files.createDirectories(repo.resolve("data"));
        write("data/reference.csv", "age,household_income,purpose\n40,1000,car\n");

        GateResult r = validate(POLICY + "data:\n  reference: data/reference.csv\n");

        assertThat(check(r, "schema:region:missing").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "schema:region:missing").message()).isEqualTo("input 'region' of model/schema.json is"
                + " not a column of eval/predictions.csv: the model cannot be judged on the inputs it was built for");
    }

    @Test
    @DisplayName("a feature file named by data.current is the data checked against the schema, at its own lines;"
            + " a declared input it lacks FAILs as missing")
    void theFeatureFileOfDataCurrentIsChecked() throws Exception {
        // the predictions carry no inputs; the feature file carries three of the four, in another order, with a
        // new category on line 3, an age out of range on line 4 and a null age on line 5
        write("eval/predictions.csv", "label,score\n1,0.9\n1,0.4\n0,0.6\n0,0.1\n");
        write("eval/features.csv", """
                purpose,age,household_income
                car,35,4100
                boat,41,3900
                tv,17,2500
                car,,5200
                """);
        Files.createDirectories(repo.resolve("data"));
        write("data/reference.csv", "age,household_income,purpose\n40,1000,car\n50,2000,tv\n");

        GateResult r = validate(POLICY + "data:\n  reference: data/reference.csv\n  current: eval/features.csv\n");

        assertThat(check(r, "schema:purpose:category").status()).isEqualTo(Status.WARN);
        assertThat(check(r, "schema:purpose:category").message()).isEqualTo("1 of 4 values of 'purpose' are not"
                + " among its 2 declared categories; first: eval/features.csv:3 'boat'");
        assertThat(check(r, "schema:age:range").message()).isEqualTo("1 of 4 values of 'age' are outside the"
                + " declared range [18, 99]; first: eval/features.csv:4 '17'");
        assertThat(check(r, "schema:age:nulls").message()).startsWith("1 of 4 values of 'age' are null (25.00%,"
                + " above the 0.000% allowed by model/schema.json); first: eval/features.csv:5");
        assertThat(check(r, "schema:region:missing").status()).isEqualTo(Status.FAIL);
        assertThat(check(r, "schema:region:missing").message()).isEqualTo("input 'region' of model/schema.json is"
                + " not a column of eval/features.csv: the model cannot be judged on the inputs it was built for");
        assertThat(r.checks()).extracting(CheckResult::id).doesNotContain("schema:inputs");
        // drift still reads the same file's columns
        assertThat(r.drift().orElseThrow().columns()).containsKeys("age", "household_income", "purpose");
        assertThat(r.evidence().inputs()).extracting(Evidence.Input::role).containsOnlyOnce("current");
    }

    @Test
    @DisplayName("with data.current, a feature file whose inputs are all as declared PASSes schema:data, naming it")
    void aCleanFeatureFilePasses() throws Exception {
        write("eval/predictions.csv", "label,score\n1,0.9\n0,0.1\n");
        write("eval/features.csv", "age,household_income,region,purpose\n35,4100,north,car\n61,6100,south,tv\n");
        Files.createDirectories(repo.resolve("data"));
        write("data/reference.csv", "age,household_income,purpose\n40,1000,car\n50,2000,tv\n");

        GateResult r = validate(POLICY + "data:\n  reference: data/reference.csv\n  current: eval/features.csv\n");

        assertThat(check(r, "schema:data").status()).isEqualTo(Status.PASS);
        assertThat(check(r, "schema:data").message()).isEqualTo("every value of the 4 inputs of model/schema.json"
                + " in eval/features.csv (2 rows) is as declared");
    }
}
