package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The decisions' web methods: Stapler refuses anything but a POST before they run (and Jenkins then checks the crumb);
 * the handler's own checks are {@code PromotionFlowTest}'s. The one other web method serves the signed summary kept
 * with the build and changes nothing.
 */
class PromotionPageTest {
    @Test
    void everyWebMethodThatDecidesIsPostOnly() {
        Method[] web = Arrays.stream(PromotionPage.class.getMethods()).filter(m -> m.getName().startsWith("do"))
                .toArray(Method[]::new);

        assertThat(web).extracting(Method::getName).containsExactlyInAnyOrder("doApprove", "doReject",
                "doAttestation");
        assertThat(web).filteredOn(m -> !m.getName().equals("doAttestation"))
                .allSatisfy(m -> assertThat(m.isAnnotationPresent(RequirePOST.class)).as(m.getName()).isTrue());
    }
}
