package io.mlgates.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameworksTest {
    @Test
    @DisplayName("every kind of evidence answers some item, and no item is without evidence or named twice")
    void everyEvidenceAnswersSomething() {
        Set<Evidence> used = EnumSet.noneOf(Evidence.class);
        for (Frameworks.Framework f : Frameworks.ALL) {
            List<String> ids = new ArrayList<>();
            for (Frameworks.Item item : f.items()) {
                assertThat(item.answeredBy()).as(item.id()).isNotEmpty().doesNotHaveDuplicates();
                used.addAll(item.answeredBy());
                ids.add(item.id());
            }
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(f.notCovered()).noneMatch(ids::contains);
        }
        assertThat(used).containsExactlyInAnyOrder(Evidence.values());
    }

    @Test
    @DisplayName("the NIST AI RMF's MEASURE subcategories are each either mapped or listed as not covered")
    void measureIsComplete() {
        List<String> all = new ArrayList<>();
        Frameworks.NIST_MEASURE.items().forEach(i -> all.add(i.id()));
        all.addAll(Frameworks.NIST_MEASURE.notCovered());
        // MEASURE 1.1-1.3, 2.1-2.13, 3.1-3.3, 4.1-4.3 (NIST AI 100-1, Table 3)
        List<String> expected = new ArrayList<>();
        int[] counts = {3, 13, 3, 3};
        for (int c = 0; c < counts.length; c++) {
            for (int s = 1; s <= counts[c]; s++) {
                expected.add("MEASURE " + (c + 1) + "." + s);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    }
}
