package io.mlgates.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenSSH's match_pattern_list, case by case as match.c decides them (derived by hand from its code). */
class PatternListTest {
    @ParameterizedTest(name = "''{0}'' against ''{1}'': {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "alice@example.com | alice@example.com | ACCEPTED",
            "alice@example.com | alice@example.co | NONE",
            "*@example.com | alice@example.com | ACCEPTED",
            "*@example.com | alice@example.org | NONE",
            "*@example.com,!eve@example.com | eve@example.com | NEGATED",
            "!eve@example.com,*@example.com | eve@example.com | NEGATED",
            "!eve@example.com | alice@example.com | NONE",
            "a*b*c | abc | ACCEPTED",
            "a*b*c | axxbyyc | ACCEPTED",
            "a*b*c | axxbyy | NONE",
            "a?c | abc | ACCEPTED",
            "a?c | ac | NONE",
            "** | '' | ACCEPTED",
            "'' | '' | NONE",
            "a,,b | '' | ACCEPTED",
            "Alice | alice | NONE",
            "caf? | café | NONE",
            "caf?? | café | ACCEPTED"})
    void matchesAsOpenSsh(String list, String string, PatternList.Match expected) {
        assertThat(new PatternList(list).match(string)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aPatternOf1023BytesOrMoreMatchesNothing() {
        String longPattern = "*" + "a".repeat(1022);
        assertThat(new PatternList(longPattern).match("a".repeat(1022))).isEqualTo(PatternList.Match.NONE);
        assertThat(new PatternList("*" + "a".repeat(1021)).match("a".repeat(1021)))
                .isEqualTo(PatternList.Match.ACCEPTED);
    }
}
