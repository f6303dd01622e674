package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

class ErrorCodesTest {
    @Test
    void anAwsErrorIsItsCode() {
        AwsServiceException error = AwsServiceException.builder().statusCode(501)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotImplemented")
                        .errorMessage("Watchpost does not implement X-Ray PutTraceSegments yet.").build())
                .build();
        assertThat(ErrorCodes.describe(error)).isEqualTo("NotImplemented");
        assertThat(ErrorCodes.detail(error)).isEqualTo("NotImplemented: Watchpost does not implement X-Ray PutTraceSegments yet.");
    }

    @Test
    void withoutACodeTheStatusOrTheClientFailure() {
        assertThat(ErrorCodes.describe(SdkServiceException.builder().statusCode(502).build())).isEqualTo("HTTP 502");
        assertThat(ErrorCodes.describe(SdkClientException.create("Unable to execute HTTP request: Connection refused\nmore")))
                .isEqualTo("client: Unable to execute HTTP request: Connection refused");
        assertThat(ErrorCodes.describe(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
        assertThat(ErrorCodes.detail(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void longMessagesAreCut() {
        String detail = ErrorCodes.detail(new IllegalStateException("y".repeat(500)));
        assertThat(detail).hasSize("IllegalStateException: ".length() + 100).endsWith("…");
    }
}
