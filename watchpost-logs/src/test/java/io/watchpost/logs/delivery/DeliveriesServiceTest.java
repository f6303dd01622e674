package io.watchpost.logs.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.Delivery;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestination;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestinationConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliverySource;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliverySourcesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliverySourcesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliveryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliveryDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDeliverySourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.S3DeliveryConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.UpdateDeliveryConfigurationRequest;

/** Vended-log deliveries: sources, destinations (types from their ARNs), policies, deliveries and their rules. */
class DeliveriesServiceTest {
    private static final String ACCOUNT = "111122223333";
    private static final RequestContext CTX = new RequestContext("req-1", new Principal("AKID", ACCOUNT, "tester"),
            "us-east-1", "logs", "Op", "127.0.0.1", "test", Instant.parse("2026-12-06T00:00:00Z"));
    private static final String BUCKET = "arn:aws:s3:::vended-logs";
    private static final String GROUP = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/vended";

    @TempDir
    Path dir;
    private StateJournal journal;
    private DeliveriesService service;

    @BeforeEach
    void open() throws Exception {
        journal = StateJournal.open(dir.resolve("state"), Durability.PROCESS);
        service = new DeliveriesService(journal, new PageTokens("0123456789abcdef0123".getBytes(
                StandardCharsets.UTF_8)));
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    private DeliverySource source(String name) {
        return service.putSource(CTX, PutDeliverySourceRequest.builder().name(name)
                .resourceArn("arn:aws:bedrock:us-east-1:" + ACCOUNT + ":knowledge-base/KB1").logType("APPLICATION_LOGS")
                .tags(Map.of("team", "ml")).build()).deliverySource();
    }

    private DeliveryDestination destination(String name, String resourceArn) {
        return service.putDestination(CTX, PutDeliveryDestinationRequest.builder().name(name)
                .deliveryDestinationConfiguration(DeliveryDestinationConfiguration.builder()
                        .destinationResourceArn(resourceArn).build()).build()).deliveryDestination();
    }

    private static void assertError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void sourcesAndDestinationsDescribeThemselves() {
        DeliverySource source = source("kb-logs");
        assertThat(source.arn()).isEqualTo("arn:aws:logs:us-east-1:" + ACCOUNT + ":delivery-source:kb-logs");
        assertThat(source.service()).isEqualTo("bedrock");
        assertThat(source.resourceArns()).containsExactly("arn:aws:bedrock:us-east-1:" + ACCOUNT
                + ":knowledge-base/KB1");
        assertThat(source.logType()).isEqualTo("APPLICATION_LOGS");
        assertThat(source.tags()).containsEntry("team", "ml");
        assertThat(service.getSource(CTX, GetDeliverySourceRequest.builder().name("kb-logs").build())
                .deliverySource()).isEqualTo(source);

        assertThat(destination("to-s3", BUCKET).deliveryDestinationTypeAsString()).isEqualTo("S3");
        DeliveryDestination cwl = destination("to-cwl", GROUP);
        assertThat(cwl.deliveryDestinationTypeAsString()).isEqualTo("CWL");
        assertThat(cwl.outputFormatAsString()).isEqualTo("json");
        assertThat(cwl.arn()).isEqualTo("arn:aws:logs:us-east-1:" + ACCOUNT + ":delivery-destination:to-cwl");
        assertThat(service.putDestination(CTX, PutDeliveryDestinationRequest.builder().name("to-xray")
                .deliveryDestinationType("XRAY").build()).deliveryDestination().deliveryDestinationConfiguration())
                .isNull();
        assertError(() -> destination("bad", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":q"), AwsError.LOGS_VALIDATION,
                "Invalid destinationResourceArn: arn:aws:sqs:us-east-1:" + ACCOUNT + ":q. It must be an S3 bucket,"
                        + " a CloudWatch Logs log group or a Firehose delivery stream");
        assertError(() -> service.putDestination(CTX, PutDeliveryDestinationRequest.builder().name("bad")
                .deliveryDestinationType("S3").deliveryDestinationConfiguration(DeliveryDestinationConfiguration
                        .builder().destinationResourceArn(GROUP).build()).build()), AwsError.LOGS_VALIDATION,
                "deliveryDestinationType S3 does not match destinationResourceArn " + GROUP);
        assertError(() -> service.getSource(CTX, GetDeliverySourceRequest.builder().name("nope").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "Delivery source nope does not exist");
        assertError(() -> source("bad name"), AwsError.LOGS_VALIDATION, "1 validation error detected: Value at "
                + "'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]*");
    }

    @Test
    void describePages() {
        for (String name : new String[] {"a", "b", "c"}) {
            source(name);
        }
        DescribeDeliverySourcesResponse first = service.describeSources(CTX, DescribeDeliverySourcesRequest.builder()
                .limit(2).build());
        assertThat(first.deliverySources()).extracting(DeliverySource::name).containsExactly("a", "b");
        DescribeDeliverySourcesResponse second = service.describeSources(CTX, DescribeDeliverySourcesRequest
                .builder().limit(2).nextToken(first.nextToken()).build());
        assertThat(second.deliverySources()).extracting(DeliverySource::name).containsExactly("c");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void deliveriesLinkOneSourceToOneDestinationAndPinThem() {
        source("kb-logs");
        DeliveryDestination s3 = destination("to-s3", BUCKET);
        Delivery delivery = service.createDelivery(CTX, CreateDeliveryRequest.builder().deliverySourceName("kb-logs")
                .deliveryDestinationArn(s3.arn()).recordFields("timestamp", "message").fieldDelimiter(",")
                .s3DeliveryConfiguration(S3DeliveryConfiguration.builder().suffixPath("kb/{yyyy}").build()).build())
                .delivery();
        assertThat(delivery.id()).matches("[0-9A-Za-z]{16}");
        assertThat(delivery.arn()).isEqualTo("arn:aws:logs:us-east-1:" + ACCOUNT + ":delivery:" + delivery.id());
        assertThat(delivery.deliveryDestinationTypeAsString()).isEqualTo("S3");
        assertThat(delivery.recordFields()).containsExactly("timestamp", "message");

        assertError(() -> service.createDelivery(CTX, CreateDeliveryRequest.builder().deliverySourceName("kb-logs")
                .deliveryDestinationArn(s3.arn()).build()), AwsError.LOGS_CONFLICT,
                "A delivery already connects delivery source kb-logs to " + s3.arn());
        assertError(() -> service.deleteSource(CTX, DeleteDeliverySourceRequest.builder().name("kb-logs").build()),
                AwsError.LOGS_CONFLICT, "Delivery source kb-logs is used by a delivery; delete the delivery first");
        assertError(() -> service.deleteDestination(CTX, DeleteDeliveryDestinationRequest.builder().name("to-s3")
                .build()), AwsError.LOGS_CONFLICT,
                "Delivery destination to-s3 is used by a delivery; delete the delivery first");

        service.updateDelivery(CTX, UpdateDeliveryConfigurationRequest.builder().id(delivery.id())
                .fieldDelimiter("|").build());
        Delivery updated = service.getDelivery(CTX, GetDeliveryRequest.builder().id(delivery.id()).build())
                .delivery();
        assertThat(updated.fieldDelimiter()).isEqualTo("|");
        assertThat(updated.s3DeliveryConfiguration().suffixPath()).isEqualTo("kb/{yyyy}");

        service.deleteDelivery(CTX, DeleteDeliveryRequest.builder().id(delivery.id()).build());
        service.deleteSource(CTX, DeleteDeliverySourceRequest.builder().name("kb-logs").build());
        assertError(() -> service.getDelivery(CTX, GetDeliveryRequest.builder().id(delivery.id()).build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "Delivery " + delivery.id() + " does not exist");
        assertError(() -> service.createDelivery(CTX, CreateDeliveryRequest.builder().deliverySourceName("kb-logs")
                .deliveryDestinationArn(s3.arn()).build()), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "Delivery source kb-logs does not exist");
    }

    @Test
    void recordFieldsAndSourceConfigurationAreBoundedByTheModel() {
        source("kb-logs");
        DeliveryDestination s3 = destination("to-s3", BUCKET);
        assertError(() -> service.createDelivery(CTX, CreateDeliveryRequest.builder().deliverySourceName("kb-logs")
                .deliveryDestinationArn(s3.arn()).recordFields("timestamp", "f".repeat(65)).build()),
                AwsError.LOGS_VALIDATION, "1 validation error detected: Value at 'recordFields' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must have length less than or equal "
                        + "to 64, Member must have length greater than or equal to 1]");
        assertError(() -> service.putSource(CTX, PutDeliverySourceRequest.builder().name("configured")
                .resourceArn("arn:aws:bedrock:us-east-1:" + ACCOUNT + ":knowledge-base/KB1")
                .logType("APPLICATION_LOGS").deliverySourceConfiguration(Map.of("mode", "")).build()),
                AwsError.LOGS_VALIDATION, "1 validation error detected: Value at 'deliverySourceConfiguration' "
                        + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have length "
                        + "less than or equal to 255, Member must have length greater than or equal to 1]");
        assertThat(service.describeSources(CTX, DescribeDeliverySourcesRequest.builder().build())
                .deliverySources()).extracting(DeliverySource::name).containsExactly("kb-logs");
        assertThat(service.describeDeliveries(CTX, DescribeDeliveriesRequest.builder().build()).deliveries())
                .isEmpty();
    }

    @Test
    void destinationPolicies() {
        destination("to-s3", BUCKET);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        assertThat(service.putPolicy(CTX, PutDeliveryDestinationPolicyRequest.builder()
                .deliveryDestinationName("to-s3").deliveryDestinationPolicy(policy).build()).policy()
                .deliveryDestinationPolicy()).isEqualTo(policy);
        destination("to-s3", BUCKET);
        assertThat(service.getPolicy(CTX, GetDeliveryDestinationPolicyRequest.builder()
                .deliveryDestinationName("to-s3").build()).policy().deliveryDestinationPolicy())
                .as("updating the destination keeps its policy").isEqualTo(policy);
        service.deletePolicy(CTX, DeleteDeliveryDestinationPolicyRequest.builder().deliveryDestinationName("to-s3")
                .build());
        assertError(() -> service.deletePolicy(CTX, DeleteDeliveryDestinationPolicyRequest.builder()
                .deliveryDestinationName("to-s3").build()), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "Delivery destination to-s3 has no policy");
    }
}
