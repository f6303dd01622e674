package io.watchpost.logs.export;

import static io.watchpost.logs.export.LogsHarness.NOW;
import static io.watchpost.logs.export.LogsHarness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDestinationsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.Destination;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutDestinationResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutSubscriptionFilterRequest;

class DestinationsTest {
    static final String OWNER = "222233334444";
    static final RequestContext OWNER_CONTEXT = LogsHarness.context(OWNER);
    static final String TARGET = "arn:aws:kinesis:us-east-1:222233334444:stream/central";
    static final String ROLE = "arn:aws:iam::222233334444:role/CWLtoKinesis";
    static final String DESTINATION_ARN = "arn:aws:logs:us-east-1:222233334444:destination:central";

    @TempDir
    Path dir;
    LogsHarness h;

    @BeforeEach
    void open() throws Exception {
        h = new LogsHarness(dir);
        h.createStream("app", "s");
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    Destination putDestination(String name, String target) {
        return h.<PutDestinationResponse>call(OWNER_CONTEXT, PutDestinationRequest.builder().destinationName(name)
                .targetArn(target).roleArn(ROLE).build()).destination();
    }

    void subscribe(String destinationArn) {
        h.call(PutSubscriptionFilterRequest.builder().logGroupName("app").filterName("all").filterPattern("")
                .destinationArn(destinationArn).build());
    }

    @Test
    void putDescribeUpdateDelete() {
        Destination created = putDestination("central", TARGET);
        assertThat(created.arn()).isEqualTo(DESTINATION_ARN);
        assertThat(created.targetArn()).isEqualTo(TARGET);
        assertThat(created.roleArn()).isEqualTo(ROLE);
        assertThat(created.creationTime()).isEqualTo(NOW);
        assertThat(created.accessPolicy()).isNull();
        h.clock.advance(Duration.ofMinutes(1));
        Destination updated = putDestination("central", "arn:aws:firehose:us-east-1:222233334444:deliverystream/f");
        assertThat(updated.creationTime()).isEqualTo(NOW);
        assertThat(updated.targetArn()).endsWith("deliverystream/f");
        putDestination("other", TARGET);
        putDestination("central-2", TARGET);

        DescribeDestinationsResponse prefixed = h.call(OWNER_CONTEXT,
                DescribeDestinationsRequest.builder().destinationNamePrefix("central").build());
        assertThat(prefixed.destinations()).extracting(Destination::destinationName)
                .containsExactly("central", "central-2");
        DescribeDestinationsResponse page1 = h.call(OWNER_CONTEXT, DescribeDestinationsRequest.builder().limit(2).build());
        assertThat(page1.destinations()).extracting(Destination::destinationName).containsExactly("central", "central-2");
        DescribeDestinationsResponse page2 = h.call(OWNER_CONTEXT, DescribeDestinationsRequest.builder().limit(2)
                .nextToken(page1.nextToken()).build());
        assertThat(page2.destinations()).extracting(Destination::destinationName).containsExactly("other");
        assertThat(page2.nextToken()).isNull();
        DescribeDestinationsResponse elsewhere = h.call(DescribeDestinationsRequest.builder().build());
        assertThat(elsewhere.destinations()).isEmpty();

        h.call(OWNER_CONTEXT, DeleteDestinationRequest.builder().destinationName("other").build());
        assertAwsError(() -> h.call(OWNER_CONTEXT, DeleteDestinationRequest.builder().destinationName("other").build()),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified destination does not exist.");
    }

    @Test
    void validationAndPolicyErrors() {
        assertAwsError(() -> h.call(PutDestinationRequest.builder().destinationName("a:b").build()),
                AwsError.LOGS_INVALID_PARAMETER, "3 validation errors detected: "
                + "Value at 'destinationName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [^:*]*; "
                + "Value null at 'targetArn' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> putDestination("d", "arn:aws:sqs:us-east-1:222233334444:q"),
                AwsError.LOGS_INVALID_PARAMETER, "Invalid targetArn: arn:aws:sqs:us-east-1:222233334444:q");
        assertAwsError(() -> h.call(OWNER_CONTEXT, PutDestinationPolicyRequest.builder().destinationName("none")
                .accessPolicy("{}").build()), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified destination does not exist.");
        putDestination("central", TARGET);
        assertAwsError(() -> h.call(OWNER_CONTEXT, PutDestinationPolicyRequest.builder().destinationName("central")
                .accessPolicy("not json").build()), AwsError.LOGS_INVALID_PARAMETER,
                "Invalid access policy: not valid JSON");
        assertAwsError(() -> h.call(DescribeDestinationsRequest.builder().limit(0).build()),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'limit' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void crossAccountSubscriptionNeedsThePolicyAndDeliversToTheTarget() {
        assertAwsError(() -> subscribe(DESTINATION_ARN), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified destination does not exist.");
        putDestination("central", TARGET);
        assertAwsError(() -> subscribe(DESTINATION_ARN), AwsError.LOGS_ACCESS_DENIED,
                "User with accountId: 111122223333 is not authorized to perform: logs:PutSubscriptionFilter on "
                + "resource: " + DESTINATION_ARN);
        h.call(OWNER_CONTEXT, PutDestinationPolicyRequest.builder().destinationName("central").accessPolicy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": ["999999999999", "111122223333"]},
                  "Action": "logs:PutSubscriptionFilter", "Resource": "%s"}]}""".formatted(DESTINATION_ARN))
                .forceUpdate(true).build());
        subscribe(DESTINATION_ARN);
        assertThat(h.delivered).hasSize(1); // the Kinesis control message, to the target
        assertThat(h.delivered.get(0).filter().destinationArn()).isEqualTo(TARGET);

        h.put("app", "s", NOW - 1, "hello");
        assertThat(h.delivered).hasSize(2);
        assertThat(h.delivered.get(1).filter().destinationArn()).isEqualTo(TARGET);
        assertThat(h.delivered.get(1).filter().roleArn()).isEqualTo(ROLE);
        assertThat(h.metrics).anyMatch(d -> d.metricName().equals("ForwardedLogEvents")
                && d.dimensions().get("DestinationType").equals("LogsDestination") && d.value() == 1);

        h.call(OWNER_CONTEXT, DeleteDestinationRequest.builder().destinationName("central").build());
        h.put("app", "s", NOW, "lost");
        assertThat(h.delivered).hasSize(2);
        assertThat(h.metrics).anyMatch(d -> d.metricName().equals("DeliveryErrors") && d.value() == 1);
    }

    @Test
    void sameAccountNeedsNoPolicy() {
        h.call(PutDestinationRequest.builder().destinationName("mine")
                .targetArn("arn:aws:kinesis:us-east-1:111122223333:stream/s").roleArn(ROLE).build());
        subscribe("arn:aws:logs:us-east-1:111122223333:destination:mine");
        h.put("app", "s", NOW - 1, "hello");
        assertThat(h.delivered).extracting(d -> d.filter().destinationArn())
                .containsOnly("arn:aws:kinesis:us-east-1:111122223333:stream/s");
    }
}
