package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadedPolicyTest {
    private static final Policy POLICY = Policy.defaults("credit-risk");

    @Test
    void rejectsAMissingPolicy() {
        assertThatNullPointerException()
                .isThrownBy(() -> new LoadedPolicy(null, LoadedPolicy.EMPTY_DIGEST, Optional.empty()))
                .withMessage("policy");
    }

    @Test
    void rejectsAMissingDigest() {
        assertThatNullPointerException()
                .isThrownBy(() -> new LoadedPolicy(POLICY, null, Optional.empty()))
                .withMessage("digest");
    }

    @Test
    void rejectsAMissingFileNameOptional() {
        assertThatNullPointerException()
                .isThrownBy(() -> new LoadedPolicy(POLICY, LoadedPolicy.EMPTY_DIGEST, null))
                .withMessage("fileName");
    }

    @Test
    void defaultsHaveTheDigestOfEmptyInputAndNoFile() {
        LoadedPolicy defaults = LoadedPolicy.defaults("credit-risk");

        assertThat(defaults.policy()).isEqualTo(Policy.defaults("credit-risk"));
        assertThat(defaults.digest())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(defaults.fileName()).isEmpty();
    }
}
