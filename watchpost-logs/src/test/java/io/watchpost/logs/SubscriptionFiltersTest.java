package io.watchpost.logs;

import static io.watchpost.logs.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.logs.subscription.DestinationKind;
import io.watchpost.logs.subscription.SubscriptionPayloads;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;

class SubscriptionFiltersTest {
    static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:sink";
    static final String KINESIS = "arn:aws:kinesis:us-east-1:000000000000:stream/logs";
    static final String FIREHOSE = "arn:aws:firehose:us-east-1:000000000000:deliverystream/logs";
    static final String ROLE = "arn:aws:iam::000000000000:role/cwl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private FiltersHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new FiltersHarness(dir);
        h.createGroup("app");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    static PutSubscriptionFilterRequest.Builder put(String name, String destination) {
        return PutSubscriptionFilterRequest.builder().logGroupName("app").filterName(name).filterPattern("")
                .destinationArn(destination);
    }

    private void put(PutSubscriptionFilterRequest.Builder request) {
        h.call(request.build());
    }

    private List<SubscriptionFilter> describe() {
        DescribeSubscriptionFiltersResponse response = h.call(
                DescribeSubscriptionFiltersRequest.builder().logGroupName("app").build());
        return response.subscriptionFilters();
    }

    static JsonNode decode(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void putsAndDescribesWithAwsDefaults() {
        put(put("test", LAMBDA));

        assertThat(describe()).singleElement().satisfies(f -> {
            assertThat(f.filterName()).isEqualTo("test");
            assertThat(f.logGroupName()).isEqualTo("app");
            assertThat(f.filterPattern()).isEmpty();
            assertThat(f.destinationArn()).isEqualTo(LAMBDA);
            assertThat(f.roleArn()).isNull();
            assertThat(f.distributionAsString()).isEqualTo("ByLogStream");
            assertThat(f.applyOnTransformedLogs()).isFalse();
            assertThat(f.creationTime()).isEqualTo(Harness.START.toEpochMilli());
        });
        assertThat(h.delivery.delivered).as("no control message for Lambda").isEmpty();
    }

    @Test
    void describesAnEmptyListAndPaginates() {
        assertThat(describe()).isEmpty();
        put(put("a", LAMBDA));
        put(put("b", KINESIS).roleArn(ROLE).distribution("Random"));

        DescribeSubscriptionFiltersResponse first = h.call(DescribeSubscriptionFiltersRequest.builder()
                .logGroupName("app").limit(1).build());
        assertThat(first.subscriptionFilters()).extracting(SubscriptionFilter::filterName).containsExactly("a");
        DescribeSubscriptionFiltersResponse second = h.call(DescribeSubscriptionFiltersRequest.builder()
                .logGroupName("app").limit(1).nextToken(first.nextToken()).build());
        assertThat(second.subscriptionFilters()).singleElement().satisfies(f -> {
            assertThat(f.filterName()).isEqualTo("b");
            assertThat(f.roleArn()).isEqualTo(ROLE);
            assertThat(f.distributionAsString()).isEqualTo("Random");
        });
        assertThat(second.nextToken()).isNull();
        DescribeSubscriptionFiltersResponse prefixed = h.call(DescribeSubscriptionFiltersRequest.builder()
                .logGroupName("app").filterNamePrefix("b").build());
        assertThat(prefixed.subscriptionFilters()).extracting(SubscriptionFilter::filterName).containsExactly("b");
    }

    @Test
    void updatesByNameAndRefusesAThirdFilter() {
        put(put("test-1", LAMBDA));
        put(put("test-2", LAMBDA).filterPattern("[ip, user]"));
        put(put("test-2", LAMBDA).filterPattern("ERROR"));

        assertAwsError(() -> put(put("test-3", LAMBDA)), AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        assertThat(describe()).extracting(SubscriptionFilter::filterPattern).containsExactly("", "ERROR");
    }

    @Test
    void deletes() {
        put(put("test", LAMBDA));
        h.call(DeleteSubscriptionFilterRequest.builder().logGroupName("app").filterName("test").build());

        assertThat(describe()).isEmpty();
        assertAwsError(() -> h.call(DeleteSubscriptionFilterRequest.builder().logGroupName("app")
                .filterName("wrong-filter-name").build()), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified subscription filter does not exist.");
        assertAwsError(() -> h.call(DeleteSubscriptionFilterRequest.builder().logGroupName("not-existing-log-group")
                .filterName("test").build()), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }

    @Test
    void refusesBadDestinationsAsAwsDoes() {
        String otherAccountLambda = "arn:aws:lambda:us-east-1:123456789012:function:test";
        String crossAccount = "Cross-account lambda invocation passing is not allowed. You must use "
                + "DestinationPolicies to create cross account lambda triggers.";
        assertAwsError(() -> put(put("t", otherAccountLambda).logGroupName("not-existing-log-group")),
                AwsError.LOGS_ACCESS_DENIED, crossAccount);
        assertAwsError(() -> put(put("t", otherAccountLambda)), AwsError.LOGS_ACCESS_DENIED, crossAccount);
        assertAwsError(() -> put(put("t", KINESIS)), AwsError.LOGS_INVALID_PARAMETER,
                "destinationArn for vendor kinesis cannot be used without roleArn");
        assertAwsError(() -> put(put("t", FIREHOSE)), AwsError.LOGS_INVALID_PARAMETER,
                "destinationArn for vendor firehose cannot be used without roleArn");
        assertAwsError(() -> put(put("t", "arn:aws:sns:us-east-1:000000000000:topic")),
                AwsError.LOGS_INVALID_PARAMETER,
                "PutSubscriptionFilter operation cannot work with destinationArn for vendor sns");
        assertAwsError(() -> put(put("t", LAMBDA).logGroupName("not-existing-log-group")),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        assertAwsError(() -> h.call(DescribeSubscriptionFiltersRequest.builder()
                .logGroupName("not-existing-log-group").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        // A Logs destination must exist (and allow the caller): export.DestinationsTest covers the success path.
        assertAwsError(() -> put(put("cross", "arn:aws:logs:us-east-1:123456789012:destination:central")),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified destination does not exist.");
    }

    @Test
    void refusesInvalidRequests() {
        assertAwsError(() -> h.call(PutSubscriptionFilterRequest.builder().build()), AwsError.LOGS_INVALID_PARAMETER,
                "4 validation errors detected: "
                + "Value null at 'logGroupName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'filterName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'filterPattern' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'destinationArn' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> put(put("t", LAMBDA).distribution("Everywhere")), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value at 'distribution' failed to satisfy constraint: Member must "
                + "satisfy enum value set: [Random, ByLogStream]");
        assertAwsError(() -> put(put("t", LAMBDA).filterPattern("[a")), AwsError.LOGS_INVALID_PARAMETER,
                "If a filter pattern starts with '[' it must end with ']'");
    }

    @Test
    void sendsAwsControlMessageToKinesisAndFirehose() throws Exception {
        put(put("k", KINESIS).roleArn(ROLE));
        put(put("f", FIREHOSE).roleArn(ROLE));

        assertThat(h.delivery.delivered).hasSize(2);
        JsonNode kinesis = decode(h.delivery.delivered.get(0).payload());
        assertThat(kinesis.toString()).isEqualTo("{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\","
                + "\"logGroup\":\"\",\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\","
                + "\"timestamp\":" + Harness.START.toEpochMilli() + ",\"message\":\"CWL CONTROL MESSAGE: Checking "
                + "health of destination Kinesis stream.\"}]}");
        assertThat(h.delivery.delivered.get(0).filter().destinationKind()).isEqualTo(DestinationKind.KINESIS);
        JsonNode firehose = decode(h.delivery.delivered.get(1).payload());
        assertThat(firehose.at("/logEvents/0/message").asText())
                .isEqualTo("CWL CONTROL MESSAGE: Checking health of destination Firehose.");
    }

    @Test
    void deliversTheMatchingEventsOfABatchAsAwsDataMessage() throws Exception {
        put(put("errors", LAMBDA).filterPattern("ERROR"));

        h.ingest("app", "web-1", 1_700_000_000_000L, "ERROR one", "fine", "ERROR two");
        h.ingest("app", "web-1", 1_700_000_000_000L, "fine");

        assertThat(h.delivery.delivered).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo(FiltersHarness.SCOPE);
            assertThat(d.filter().filterName()).isEqualTo("errors");
            assertThat(d.filter().destinationKind()).isEqualTo(DestinationKind.LAMBDA);
        });
        JsonNode message = decode(h.delivery.delivered.getFirst().payload());
        assertThat(message.fieldNames()).toIterable().containsExactly("messageType", "owner", "logGroup",
                "logStream", "subscriptionFilters", "logEvents");
        assertThat(message.get("messageType").asText()).isEqualTo("DATA_MESSAGE");
        assertThat(message.get("owner").asText()).isEqualTo(Harness.ACCOUNT);
        assertThat(message.get("logGroup").asText()).isEqualTo("app");
        assertThat(message.get("logStream").asText()).isEqualTo("web-1");
        assertThat(message.get("subscriptionFilters").toString()).isEqualTo("[\"errors\"]");
        JsonNode events = message.get("logEvents");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("message").asText()).isEqualTo("ERROR one");
        assertThat(events.get(1).get("message").asText()).isEqualTo("ERROR two");
        assertThat(events.get(0).get("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(events.get(0).get("id").asText()).hasSize(56).containsOnlyDigits()
                .isNotEqualTo(events.get(1).get("id").asText());
    }

    @Test
    void wrapsPayloadsForLambdaAsAwsLogsData() throws Exception {
        byte[] payload = SubscriptionPayloads.data("000000000000", "g", "s", List.of("f"),
                List.of(new SubscriptionPayloads.LogEvent("1", 5, "m")));

        JsonNode event = MAPPER.readTree(SubscriptionPayloads.lambdaEvent(payload));
        byte[] data = java.util.Base64.getDecoder().decode(event.at("/awslogs/data").asText());
        assertThat(decode(data).at("/logEvents/0/message").asText()).isEqualTo("m");
    }

    @Test
    void filtersSurviveARestartAndKeepDelivering() throws Exception {
        put(put("all", LAMBDA));
        h.reopen();

        assertThat(describe()).extracting(SubscriptionFilter::filterName).containsExactly("all");
        h.ingest("app", "s", 1L, "anything");
        assertThat(h.delivery.delivered).hasSize(1);
    }

    @Test
    void aRecreatedGroupHasNoneOfTheOldFilters() {
        put(put("a", LAMBDA));
        put(put("b", LAMBDA));
        h.deleteGroup("app");
        h.clock.advance(java.time.Duration.ofSeconds(1));
        h.createGroup("app");

        assertThat(describe()).isEmpty();
        h.ingest("app", "s", 1L, "anything");
        assertThat(h.delivery.delivered).isEmpty();
        put(put("c", LAMBDA));
        put(put("d", LAMBDA));
    }
}
