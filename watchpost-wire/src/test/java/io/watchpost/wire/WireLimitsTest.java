package io.watchpost.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which requests carry objects (signed for S3), and the limit each gets, read before anything is parsed. */
class WireLimitsTest {
    private static final WireLimits LIMITS = new WireLimits(8, 16, 100, 200);

    @Test
    void requestsSignedForS3GetTheObjectLimit() {
        String s3 = "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/s3/aws4_request, SignedHeaders=host, "
                + "Signature=abc";
        String logs = "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/logs/aws4_request, SignedHeaders=host, "
                + "Signature=abc";
        assertThat(LIMITS.maxBodyBytes(s3, null)).isEqualTo(100);
        assertThat(LIMITS.maxBodyBytes(logs, null)).isEqualTo(8);
        assertThat(LIMITS.maxBodyBytes(null, "X-Amz-Credential=AKID%2F20261206%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=abc")).isEqualTo(100);
        assertThat(LIMITS.maxBodyBytes(null, "Action=PutMetricData")).isEqualTo(8);
        assertThat(LIMITS.maxBodyBytes(null, null)).isEqualTo(8);
    }

    @Test
    void objectLimitsAreNeverBelowTheOrdinaryOne() {
        assertThatThrownBy(() -> new WireLimits(8, 16, 4, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WireLimits(8, 16, 100, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WireLimits(8, 16).maxObjectBodyBytes()).isEqualTo(8);
        assertThat(WireLimits.DEFAULT.maxObjectBodyBytes()).isEqualTo(100 * 1024 * 1024);
    }
}
