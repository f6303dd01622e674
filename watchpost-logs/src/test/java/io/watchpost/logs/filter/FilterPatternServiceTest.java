package io.watchpost.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilterMatchRecord;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TestMetricFilterResponse;

class FilterPatternServiceTest {
    private static final String APACHE_200 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    private static final String APACHE_500 =
            "127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] \"GET /apache_pb.gif HTTP/1.0\" 500 5324";

    private final FilterPatternService service = new FilterPatternService();

    private TestMetricFilterResponse call(TestMetricFilterRequest request) {
        ApiHandler<Object, Object> handler = service.handlers().find(TestMetricFilterRequest.class).orElseThrow();
        RequestContext context = new RequestContext("req-1", new Principal("AKID", "000000000000", "tester"),
                "us-east-1", "logs", "TestMetricFilter", "127.0.0.1", "test", Instant.EPOCH);
        return (TestMetricFilterResponse) handler.handle(context, request);
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(AwsError.LOGS_INVALID_PARAMETER);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void servesTheLogsEndpoint() {
        assertThat(service.endpointPrefix()).isEqualTo("logs");
        assertThat(service.handlers().requestTypes()).containsExactly(TestMetricFilterRequest.class);
    }

    @Test
    void reportsMatchesWithEventNumbersAndExtractedValues() {
        TestMetricFilterResponse response = call(TestMetricFilterRequest.builder()
                .filterPattern("[ip, identity, user_id, timestamp, request, status_code = 200, size]")
                .logEventMessages(APACHE_500, APACHE_200).build());

        assertThat(response.matches()).containsExactly(MetricFilterMatchRecord.builder()
                .eventNumber(2L)
                .eventMessage(APACHE_200)
                .extractedValues(Map.of("$ip", "127.0.0.1", "$identity", "-", "$user_id", "frank",
                        "$timestamp", "10/Oct/2000:13:25:15 -0700", "$request", "GET /apache_pb.gif HTTP/1.0",
                        "$status_code", "200", "$size", "1534"))
                .build());
    }

    @Test
    void answersAnEmptyListWhenNothingMatches() {
        TestMetricFilterResponse response = call(TestMetricFilterRequest.builder()
                .filterPattern("{ $.a = 1 }").logEventMessages("not json").build());

        assertThat(response.hasMatches()).isTrue();
        assertThat(response.matches()).isEmpty();
    }

    @Test
    void termAndJsonMatchesCarryNoExtractedValues() {
        TestMetricFilterResponse response = call(TestMetricFilterRequest.builder()
                .filterPattern("{ $.latency > 100 }").logEventMessages("{\"latency\": 250}").build());

        assertThat(response.matches()).singleElement().satisfies(match -> {
            assertThat(match.eventNumber()).isEqualTo(1L);
            assertThat(match.extractedValues()).isEmpty();
        });
    }

    @Test
    void refusesAnInvalidPatternWithAwsMessage() {
        assertInvalid(() -> call(TestMetricFilterRequest.builder()
                .filterPattern("?Status: timeout").logEventMessages("x").build()),
                "Invalid character(s) in term ':'");
    }

    @Test
    void validatesTheModelConstraintsTogether() {
        assertInvalid(() -> call(TestMetricFilterRequest.builder().build()),
                "2 validation errors detected: "
                        + "Value null at 'filterPattern' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'logEventMessages' failed to satisfy constraint: Member must not be null");
        assertInvalid(() -> call(TestMetricFilterRequest.builder().filterPattern("x".repeat(1025))
                .logEventMessages(Collections.nCopies(51, "m")).build()),
                "2 validation errors detected: "
                        + "Value at 'filterPattern' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1024; "
                        + "Value at 'logEventMessages' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 50");
        assertInvalid(() -> call(TestMetricFilterRequest.builder().filterPattern("")
                .logEventMessages(List.of()).build()),
                "1 validation error detected: Value at 'logEventMessages' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertInvalid(() -> call(TestMetricFilterRequest.builder().filterPattern("")
                .logEventMessages("ok", "").build()),
                "1 validation error detected: Value at 'logEventMessages.2.member' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void acceptsFiftyMessagesAndTheLongestPattern() {
        String pattern = "\"" + "a".repeat(1022) + "\"";
        TestMetricFilterResponse response = call(TestMetricFilterRequest.builder().filterPattern(pattern)
                .logEventMessages(Collections.nCopies(50, "a".repeat(1100))).build());

        assertThat(response.matches()).hasSize(50);
        assertThat(response.matches().get(49).eventNumber()).isEqualTo(50L);
    }
}
