package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyYamlReaderTest {
    private final PolicyYamlReader reader = new PolicyYamlReader(1 << 20);
    private final Problems problems = new Problems();

    private PolicyDocument read(String yaml) {
        return reader.read(yaml, problems);
    }

    private JsonNode root(String yaml) {
        PolicyDocument document = read(yaml);
        assertThat(problems.list()).isEmpty();
        return document.root().orElseThrow();
    }

    private PolicyProblem onlyProblem() {
        List<PolicyProblem> found = problems.list();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void recordsWhereEachKeyAndEachValueIs() {
        PolicyDocument document = read("""
                task: binary
                limits:
                  - metric: roc_auc
                    min: 0.7
                """);

        assertThat(problems.list()).isEmpty();
        assertThat(document.keyAt("/task")).isEqualTo(new SourcePosition(1, 1));
        assertThat(document.valueAt("/task")).isEqualTo(new SourcePosition(1, 7));
        assertThat(document.keyAt("/limits")).isEqualTo(new SourcePosition(2, 1));
        assertThat(document.valueAt("/limits/0")).isEqualTo(new SourcePosition(3, 5));
        assertThat(document.keyAt("/limits/0/min")).isEqualTo(new SourcePosition(4, 5));
        assertThat(document.valueAt("/limits/0/min")).isEqualTo(new SourcePosition(4, 10));
    }

    @Test
    void aMissingValueIsPlacedAtItsNearestContainer() {
        PolicyDocument document = read("predictions:\n  path: a.csv\n");

        assertThat(document.valueAt("/predictions/columns/label")).isEqualTo(document.valueAt("/predictions"));
        assertThat(document.keyAt("/predictions/columns")).isEqualTo(new SourcePosition(2, 3));
    }

    @Test
    void readsScalarsAsTheirYamlTypes() {
        JsonNode root = root("""
                a: text
                b: 12
                c: 0.5
                d: true
                e: "12"
                f:
                g: ""
                h: 12345678901
                i: yes
                j: off
                k: True
                """);

        assertThat(root.get("a").isTextual()).isTrue();
        assertThat(root.get("b").isInt()).isTrue();
        assertThat(root.get("c").isDouble()).isTrue();
        assertThat(root.get("d").isBoolean()).isTrue();
        assertThat(root.get("e").asText()).isEqualTo("12");
        assertThat(root.get("e").isTextual()).isTrue();
        assertThat(root.get("f").isNull()).isTrue();
        assertThat(root.get("g").isTextual()).isTrue();
        assertThat(root.get("h").isLong()).isTrue();
        assertThat(root.get("i").asText()).isEqualTo("yes");
        assertThat(root.get("j").isTextual()).isTrue();
        assertThat(root.get("k").booleanValue()).isTrue();
    }

    @Test
    void standardTagsAreAcceptedAndHonoured() {
        JsonNode root = root("""
                a: !!str 12
                b: !!int "13"
                c: !!float 1
                d: !!map {x: 1}
                e: !!seq [1]
                f: !!bool true
                g: !!null ~
                h: ! plain
                """);

        assertThat(root.get("a").isTextual()).isTrue();
        assertThat(root.get("b").asInt()).isEqualTo(13);
        assertThat(root.get("d").isObject()).isTrue();
        assertThat(root.get("e").isArray()).isTrue();
        assertThat(root.get("g").isNull()).isTrue();
    }

    @Test
    void aCustomTagIsAnErrorAtTheTag() {
        read("""
                task: binary
                model: !!java.lang.ProcessBuilder [["rm", "-rf", "/"]]
                """);

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(2, 8, "the tag '!!java.lang.ProcessBuilder' is not"
                + " allowed; a policy may use only the standard YAML tags (!!str, !!int, !!float, !!bool, !!null,"
                + " !!map, !!seq)"));
        assertThat(problems.isReported("/model")).isTrue();
    }

    @Test
    void localAndVerbatimTagsAreErrorsToo() {
        read("""
                a: !local x
                b: !<tag:example.com,2026:thing> y
                !key c: z
                """);

        assertThat(problems.list()).extracting(PolicyProblem::line, PolicyProblem::column)
                .containsExactly(tuple(1L, 4L), tuple(2L, 4L), tuple(3L, 1L));
        assertThat(problems.list().get(1).message()).contains("'!<tag:example.com,2026:thing>'");
    }

    @Test
    void aValueThatDoesNotFitItsStandardTagIsAnError() {
        read("a: !!map [1]\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(1, 4, "the value does not fit its tag '!!map'"));
    }

    @Test
    void aliasesAreExpandedAndPlacedAtTheAlias() {
        PolicyDocument document = read("""
                limits: &common
                  - metric: roc_auc
                    min: &floor 0.7
                slices:
                  - column: region
                    limits: *common
                    minSize: *floor
                """);

        assertThat(problems.list()).isEmpty();
        JsonNode root = document.root().orElseThrow();
        assertThat(root.at("/slices/0/limits")).isEqualTo(root.at("/limits"));
        assertThat(root.at("/slices/0/minSize").asDouble()).isEqualTo(0.7);
        assertThat(document.valueAt("/slices/0/limits/0/min")).isEqualTo(new SourcePosition(6, 13));
        assertThat(document.keyAt("/slices/0/limits/0/min")).isEqualTo(new SourcePosition(6, 13));
    }

    @Test
    void anAliasWithoutAnchorIsAnError() {
        read("a: *nowhere\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(1, 4, "alias '*nowhere' has no anchor '&nowhere'"
                + " before it"));
    }

    @Test
    void aRecursiveAliasStopsReading() {
        read("a: &loop [1, *loop]\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(1, 14, "alias '*loop' refers to a value that contains"
                + " it; recursive aliases are not allowed"));
    }

    @Test
    void billionLaughsStopsAtTheValueBudgetQuickly() {
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

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(bomb));

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(6, 8, "the policy has more than 100000 values"
                + " (counting what aliases expand to); a policy file may not have more"));
    }

    @Test
    void moreThanFiftyAliasesToCollectionsStopReadingAtTheFiftyFirst() {
        StringBuilder yaml = new StringBuilder("base: &l [1]\nmany:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  - *l\n");
        }

        read(yaml.toString());

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(53, 5, "more than 50 aliases to lists or mappings;"
                + " a policy file may not use more"));
    }

    @Test
    void aliasesToScalarsDoNotCountAgainstTheCollectionAliasLimit() {
        StringBuilder yaml = new StringBuilder("base: &s 1\nmany:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  - *s\n");
        }

        JsonNode root = root(yaml.toString());

        assertThat(root.get("many")).hasSize(60);
    }

    @Test
    void nestingDeeperThanFiftyLevelsStopsReading() {
        read("x: " + "[".repeat(60) + "]".repeat(60) + "\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(1, 53, "lists and mappings are nested more than 50"
                + " levels deep"));
    }

    @Test
    void everyDuplicateKeyIsReportedWithBothPositions() {
        PolicyDocument document = read("""
                task: binary
                predictions:
                  path: a.csv
                  path: b.csv
                task: regression
                """);

        assertThat(problems.list()).containsExactly(
                new PolicyProblem(4, 3, "duplicate key 'path' (first at line 3, column 3); each key may appear"
                        + " once in a mapping"),
                new PolicyProblem(5, 1, "duplicate key 'task' (first at line 1, column 1); each key may appear"
                        + " once in a mapping"));
        assertThat(document.root().orElseThrow().get("task").asText()).isEqualTo("binary");
    }

    @Test
    void nonFiniteNumbersAreErrors() {
        read("""
                a: .inf
                b: -.Inf
                c: .nan
                d: 1e999
                """);

        assertThat(problems.list()).extracting(PolicyProblem::message).containsExactly(
                "expected a finite number, got '.inf'", "expected a finite number, got '-.Inf'",
                "expected a finite number, got '.nan'", "expected a finite number, got '1e999'");
        assertThat(problems.list()).extracting(PolicyProblem::column).containsOnly(4L);
    }

    @Test
    void emptyTextAndCommentsAndAnEmptyDocumentHaveNoRoot() {
        assertThat(read("").root()).isEmpty();
        assertThat(read("# nothing here\n\n").root()).isEmpty();
        assertThat(read("---\n").root()).isEmpty();
        assertThat(read("~\n").root()).isEmpty();
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aSecondDocumentIsAnError() {
        read("task: binary\n---\ntask: regression\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(3, 1, "a policy file holds one YAML document, but a"
                + " second one starts here"));
    }

    @Test
    void aSyntaxErrorGivesTheParsersPosition() {
        read("""
                model:
                  name: credit-risk
                 artifacts: model
                """);

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(3, 2, "invalid YAML: expected <block end>, but found"
                + " '<block mapping start>' (while parsing a block mapping at line 1, column 1); check the"
                + " indentation"));
    }

    @Test
    void anUnclosedFlowListIsASyntaxError() {
        read("task: [binary\n");

        assertThat(onlyProblem().line()).isEqualTo(2);
        assertThat(onlyProblem().message()).startsWith("invalid YAML: expected ',' or ']'");
    }

    @Test
    void aControlCharacterIsAnErrorAtItsPosition() {
        read("model:\n  name: \"ab\u0001\"\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(2, 12, "invalid YAML: the character U+0001 is not"
                + " allowed; a policy is printable text (tabs and line breaks are allowed)"));
    }

    @Test
    void anAliasOrACollectionAsKeyIsAnError() {
        read("a: &k x\n*k : 1\n");
        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(2, 1, "an alias cannot be used as a key; write the"
                + " key out"));

        Problems more = new Problems();
        reader.read("? [a]\n: 1\n", more);
        assertThat(more.list()).containsExactly(new PolicyProblem(1, 3, "a key must be a plain value, not a list"
                + " or a mapping"));
    }

    @Test
    void messagesShowUserTextOnOneLine() {
        read("a: !\"evil\\ntag\" x\n");

        assertThat(problems.list()).allSatisfy(p -> assertThat(p.message()).doesNotContain("\n"));
    }

    @Test
    void yaml11BooleanWordsStayTextOnlyTrueAndFalseAreBooleans() {
        JsonNode root = root("""
                a: yes
                b: No
                c: ON
                d: off
                e: y
                f: n
                g: true
                h: FALSE
                i: tRUE
                """);

        assertThat(List.of("a", "b", "c", "d", "e", "f", "i")).allSatisfy(key ->
                assertThat(root.get(key).isTextual()).as(key).isTrue());
        assertThat(root.get("a").asText()).isEqualTo("yes");
        assertThat(root.get("g").booleanValue()).isTrue();
        assertThat(root.get("h").isBoolean()).isTrue();
        assertThat(root.get("h").booleanValue()).isFalse();
    }

    @Test
    void aNumberWithALeadingZeroIsAmbiguousAndSaysHowToWriteIt() {
        PolicyDocument document = read("""
                a: 010
                b: "010"
                c: -0_17
                d: 09
                """);

        assertThat(problems.list()).containsExactly(
                new PolicyProblem(1, 4, "'010' is ambiguous: YAML 1.1 reads a number with a leading zero as octal (8),"
                        + " YAML 1.2 as decimal (10); write it without the leading zero, or quote it if it is text"),
                new PolicyProblem(3, 4, "'-0_17' is ambiguous: YAML 1.1 reads a number with a leading zero as octal"
                        + " (15), YAML 1.2 as decimal (17); write it without the leading zero, or quote it if it is"
                        + " text"));
        assertThat(problems.isReported("/a")).isTrue();
        JsonNode root = document.root().orElseThrow();
        assertThat(root.get("b").asText()).isEqualTo("010");
        // Neither YAML 1.1 integer nor float: text, as it always was.
        assertThat(root.get("d").asText()).isEqualTo("09");
    }

    @Test
    void otherYaml11NumbersKeepTheirValues() {
        JsonNode root = root("""
                zero: 0
                negativeZero: -0
                hex: 0x1F
                binary: 0b101
                grouped: 1_000
                plus: +7
                big: 123456789012345678901234567890
                exponent: 1e3
                leadingDot: .5
                grouping: 1_000.5
                sexagesimal: 1:30
                date: 2026-01-01
                merge: <<
                tilde: ~
                nullWord: Null
                notNull: nULL
                """);

        assertThat(root.get("zero").intValue()).isZero();
        assertThat(root.get("negativeZero").intValue()).isZero();
        assertThat(root.get("hex").intValue()).isEqualTo(31);
        assertThat(root.get("binary").intValue()).isEqualTo(5);
        assertThat(root.get("grouped").intValue()).isEqualTo(1000);
        assertThat(root.get("plus").intValue()).isEqualTo(7);
        assertThat(root.get("big").isBigInteger()).isTrue();
        assertThat(root.get("exponent").doubleValue()).isEqualTo(1000.0);
        assertThat(root.get("leadingDot").doubleValue()).isEqualTo(0.5);
        assertThat(root.get("grouping").doubleValue()).isEqualTo(1000.5);
        assertThat(root.get("sexagesimal").asText()).isEqualTo("1:30");
        assertThat(root.get("date").asText()).isEqualTo("2026-01-01");
        assertThat(root.get("merge").asText()).isEqualTo("<<");
        assertThat(root.get("tilde").isNull()).isTrue();
        assertThat(root.get("nullWord").isNull()).isTrue();
        assertThat(root.get("notNull").asText()).isEqualTo("nULL");
    }

    @Test
    void aStandardTagMustFitItsValueOnValuesAndKeys() {
        read("""
                a: !!bool yes
                b: !!null x
                c: !!int abc
                d: !!int 0x10
                !!int 1: x
                e: !!str [1]
                f: !!null
                """);

        assertThat(problems.list()).containsExactly(
                new PolicyProblem(1, 4, "the value does not fit its tag '!!bool'"),
                new PolicyProblem(2, 4, "the value does not fit its tag '!!null'"),
                new PolicyProblem(3, 4, "the value does not fit its tag '!!int'"),
                new PolicyProblem(5, 1, "the value does not fit its tag '!!int'"),
                new PolicyProblem(6, 4, "the value does not fit its tag '!!str'"));
    }

    @Test
    void anAnchoredKeyIsTextWhereAnAliasBringsItIn() {
        JsonNode root = root("&k 12: a\nb: *k\n");

        assertThat(root.get("b").isTextual()).isTrue();
        assertThat(root.get("b").asText()).isEqualTo("12");
    }

    @Test
    void aliasesInsideDuplicatesAndKeysKeepTheAliasPositionsInOrder() {
        PolicyDocument document = read("""
                base: &b {x: 1}
                one: *b
                one: *b
                two: *b
                """);

        assertThat(problems.list()).containsExactly(new PolicyProblem(3, 1, "duplicate key 'one' (first at line 2,"
                + " column 1); each key may appear once in a mapping"));
        assertThat(document.valueAt("/one/x")).isEqualTo(new SourcePosition(2, 6));
        assertThat(document.valueAt("/two/x")).isEqualTo(new SourcePosition(4, 6));
    }

    @Test
    void anEmptySecondDocumentIsAnErrorAtItsStart() {
        read("task: binary\n---\n");

        assertThat(onlyProblem()).isEqualTo(new PolicyProblem(2, 1, "a policy file holds one YAML document, but a"
                + " second one starts here"));
    }

    @Test
    void theCodePointLimitOfTheLoaderOptionsStopsReading() {
        Problems few = new Problems();
        new PolicyYamlReader(100).read("model:\n  name: " + "x".repeat(200) + "\n", few);

        assertThat(few.list()).singleElement().extracting(PolicyProblem::message).isEqualTo("the file could not be"
                + " read as YAML: The incoming YAML document exceeds the limit: 100 code points.");
    }
}
