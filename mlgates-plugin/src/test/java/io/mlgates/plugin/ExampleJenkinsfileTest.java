package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.policy.StagePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The credit-risk example goes the whole road with the plugin's steps, promoting outside any agent. */
class ExampleJenkinsfileTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "credit-risk");

    @Test
    void itValidatesJudgesEthicsAndPromotesThroughEveryStageOfItsPolicyHoldingNoExecutorWhileItWaits()
            throws Exception {
        String jenkinsfile = Files.readString(EXAMPLE.resolve("Jenkinsfile"));
        LoadedPolicy policy = new PolicyLoader().loadFromRepository(EXAMPLE);
        List<String> stages = policy.policy().promotion().stages().stream().map(StagePolicy::name).toList();

        List<String> promoted = Pattern.compile("mlPromote to: '([a-z-]+)'").matcher(jenkinsfile).results()
                .map(m -> m.group(1)).toList();

        assertThat(jenkinsfile).contains("mlValidate()", "mlEthicsGate()");
        assertThat(promoted).isEqualTo(stages).containsExactly("staging", "production");
        // the pipeline takes an agent only for the gates: the promotions run outside any node
        assertThat(jenkinsfile).containsOnlyOnce("agent any").contains("agent none");
        assertThat(jenkinsfile.indexOf("agent any")).isLessThan(jenkinsfile.indexOf("stage('Staging')"));
        assertThat(jenkinsfile.substring(jenkinsfile.indexOf("stage('Staging')"))).doesNotContain("agent ", "node");
    }
}
