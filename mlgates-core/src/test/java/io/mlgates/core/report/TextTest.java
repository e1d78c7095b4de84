package io.mlgates.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    @DisplayName("htmlSafe replaces what HTML reports as a parse error and XML cannot carry, and keeps the rest")
    void htmlSafe() {
        assertThat(Text.htmlSafe("a\u0000b\u0007c\u001bd\u007fe\u0085f")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
        assertThat(Text.htmlSafe("\uFDD0\uFFFE\uD83F\uDFFF")).isEqualTo("\uFFFD\uFFFD\uFFFD"); // U+1FFFF too
        assertThat(Text.htmlSafe("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
        String kept = "tab\tline\nreturn\r <markup> & \"quotes\" \u202Eright-to-left \uD83D\uDE00 \u00e9";
        assertThat(Text.htmlSafe(kept)).isEqualTo(kept);
    }
}
