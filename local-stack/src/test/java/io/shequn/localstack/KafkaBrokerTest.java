package io.shequn.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    /** One random id in 64 used to start with '-', and kafka-storage format then failed: "argument --cluster-id: expected one argument". */
    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(KafkaBroker.clusterId()).hasSize(22).doesNotStartWith("-");
        }
    }
}
