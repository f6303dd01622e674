package io.watchpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void parsesAndFormatsResourcesWithColons() {
        String text = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*";
        Arn arn = Arn.parse(text).orElseThrow();
        assertThat(arn.service()).isEqualTo("logs");
        assertThat(arn.resource()).isEqualTo("log-group:/aws/lambda/f:*");
        assertThat(arn.scope()).isEqualTo(new Scope("123456789012", "us-east-1"));
        assertThat(arn.toString()).isEqualTo(text);
    }

    @Test
    void rejectsMalformedArns() {
        assertThat(Arn.parse("arn:aws:logs")).isEmpty();
        assertThat(Arn.parse("urn:aws:logs:us-east-1:1:x")).isEmpty();
        assertThat(Arn.parse("arn:aws:logs:us-east-1:1:")).isEmpty();
        assertThat(Arn.parse(null)).isEmpty();
    }

    @Test
    void knowsPartitions() {
        assertThat(new Scope("1", "cn-north-1").arn("events", "event-bus/default").toString())
                .isEqualTo("arn:aws-cn:events:cn-north-1:1:event-bus/default");
        assertThat(Arn.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
    }
}
