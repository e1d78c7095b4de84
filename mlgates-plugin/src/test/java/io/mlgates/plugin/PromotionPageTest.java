package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The decisions' web methods: Stapler refuses anything but a POST before they run (and Jenkins then checks the crumb);
 * the handler's own checks are {@code PromotionFlowTest}'s.
 */
class PromotionPageTest {
    @Test
    void everyWebMethodOfThePromotionPageIsPostOnly() {
        Method[] web = Arrays.stream(PromotionPage.class.getMethods()).filter(m -> m.getName().startsWith("do"))
                .toArray(Method[]::new);

        assertThat(web).extracting(Method::getName).containsExactlyInAnyOrder("doApprove", "doReject");
        assertThat(web).allSatisfy(m -> assertThat(m.isAnnotationPresent(RequirePOST.class)).as(m.getName()).isTrue());
    }
}
