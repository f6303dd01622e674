package io.watchpost.logs.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.delivery.DeliveriesService;
import io.watchpost.logs.destination.DestinationsService;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.*;

class LogGroupSettingsServiceTest {
    private static final String ARN = "arn:aws:logs:us-east-1:000000000000:log-group:g";
    private static final String KMS = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final RequestContext CONTEXT = new RequestContext("r", new Principal("AKID", "000000000000", "t"),
            "us-east-1", "logs", "Op", "127.0.0.1", "test", Instant.EPOCH);

    @TempDir
    Path dir;
    private StateJournal journal;
    private LogsService logs;
    private LogGroupSettingsService settings;
    private DestinationsService destinations;

    private void open() throws Exception {
        journal = StateJournal.open(dir, Durability.PROCESS);
        MutableClock clock = new MutableClock(Instant.parse("2025-01-02T03:04:05Z"));
        logs = new LogsService(journal, clock, new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
        PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        settings = new LogGroupSettingsService(journal, logs, new DeliveriesService(journal, tokens), clock, tokens);
        destinations = new DestinationsService(journal, clock,
                new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    @SuppressWarnings("unchecked")
    private <O> O call(Object request) {
        WatchpostService service = settings.handlers().find(request.getClass()).isPresent() ? settings
                : destinations.handlers().find(request.getClass()).isPresent() ? destinations : logs;
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        return (O) handler.handle(CONTEXT, request);
    }

    private void assertError(Object request, AwsError error, String message) {
        assertThatThrownBy(() -> call(request)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private Map<String, String> tags() {
        ListTagsForResourceResponse byArn = call(ListTagsForResourceRequest.builder().resourceArn(ARN).build());
        ListTagsLogGroupResponse legacy = call(ListTagsLogGroupRequest.builder().logGroupName("g").build());
        assertThat(byArn.tags()).isEqualTo(legacy.tags());
        return byArn.tags();
    }

    @Test
    void tagsFromCreateAndBothFamiliesShareOneMapAndSurviveRestart() throws Exception {
        open();
        call(CreateLogGroupRequest.builder().logGroupName("g").tags(Map.of("a", "1")).build());
        assertThat(tags()).isEqualTo(Map.of("a", "1"));
        call(TagLogGroupRequest.builder().logGroupName("g").tags(Map.of("b", "2")).build());
        call(TagResourceRequest.builder().resourceArn(ARN).tags(Map.of("c", "3", "a", "9")).build());
        assertError(TagResourceRequest.builder().resourceArn(ARN + ":*").tags(Map.of("c", "3")).build(),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'resourceArn' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]*");
        call(UntagLogGroupRequest.builder().logGroupName("g").tags("b").build());
        assertThat(tags()).isEqualTo(Map.of("a", "9", "c", "3"));
        call(UntagResourceRequest.builder().resourceArn(ARN).tagKeys("c").build());
        journal.close();
        open();
        assertThat(tags()).isEqualTo(Map.of("a", "9"));
    }

    @Test
    void putDestinationTagsAreTheResourceTagsAndLeaveWithTheDestination() throws Exception {
        open();
        String arn = "arn:aws:logs:us-east-1:000000000000:destination:d";
        PutDestinationResponse created = call(destination(Map.of("a", "1")));
        assertThat(created.destination().arn()).isEqualTo(arn);
        assertThat(destinationTags(arn)).isEqualTo(Map.of("a", "1"));
        call(TagResourceRequest.builder().resourceArn(arn).tags(Map.of("b", "2")).build());
        assertThat(destinationTags(arn)).isEqualTo(Map.of("a", "1", "b", "2"));
        // An update of the destination leaves its tags alone (tags apply when it is created).
        call(destination(Map.of("c", "3")));
        journal.close();
        open();
        assertThat(destinationTags(arn)).isEqualTo(Map.of("a", "1", "b", "2"));
        // A destination created again under the same name starts without the old one's tags.
        call(DeleteDestinationRequest.builder().destinationName("d").build());
        call(destination(null));
        assertThat(destinationTags(arn)).isEmpty();
        assertError(destination(Map.of("", "v")), AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: "
                + "Value at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have "
                + "length less than or equal to 128, Member must have length greater than or equal to 1, Member must "
                + "satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]");
    }

    private static PutDestinationRequest destination(Map<String, String> tags) {
        return PutDestinationRequest.builder().destinationName("d")
                .targetArn("arn:aws:kinesis:us-east-1:000000000000:stream/s")
                .roleArn("arn:aws:iam::000000000000:role/r").tags(tags).build();
    }

    private Map<String, String> destinationTags(String arn) {
        ListTagsForResourceResponse listed = call(ListTagsForResourceRequest.builder().resourceArn(arn).build());
        return listed.tags();
    }

    @Test
    void tagErrors() throws Exception {
        open();
        call(CreateLogGroupRequest.builder().logGroupName("g").build());
        assertError(ListTagsLogGroupRequest.builder().logGroupName("nope").build(), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertError(TagResourceRequest.builder().resourceArn("arn:aws:logs:us-east-1:000000000000:log-group:x")
                .tags(Map.of("a", "1")).build(), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertError(TagResourceRequest.builder().resourceArn(ARN).build(), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
                        + "Member must not be null");
        java.util.Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("k" + i, "v");
        }
        call(TagResourceRequest.builder().resourceArn(ARN).tags(many).build());
        assertError(TagResourceRequest.builder().resourceArn(ARN).tags(Map.of("extra", "v")).build(),
                AwsError.LOGS_TOO_MANY_TAGS, "A resource can have no more than 50 tags.");
        assertError(TagResourceRequest.builder().resourceArn("arn:aws:s3:::b").tags(Map.of("a", "1")).build(),
                AwsError.LOGS_INVALID_PARAMETER, "Invalid resource arn: arn:aws:s3:::b");
    }

    @Test
    void kmsKeyShowsInDescribeLogGroups() throws Exception {
        open();
        call(CreateLogGroupRequest.builder().logGroupName("g").build());
        call(AssociateKmsKeyRequest.builder().logGroupName("g").kmsKeyId(KMS).build());
        DescribeLogGroupsResponse described = call(DescribeLogGroupsRequest.builder().build());
        assertThat(described.logGroups().get(0).kmsKeyId()).isEqualTo(KMS);
        assertError(AssociateKmsKeyRequest.builder().logGroupName("g").kmsKeyId("alias/x").build(),
                AwsError.LOGS_INVALID_PARAMETER, "Specified KMS key ARN is not valid: alias/x");
        assertError(AssociateKmsKeyRequest.builder().logGroupName("nope").kmsKeyId(KMS).build(),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist.");
        call(DisassociateKmsKeyRequest.builder().logGroupName("g").build());
        described = call(DescribeLogGroupsRequest.builder().build());
        assertThat(described.logGroups().get(0).kmsKeyId()).isNull();
    }

    @Test
    void resourcePolicies() throws Exception {
        open();
        for (int i = 0; i < 10; i++) {
            call(PutResourcePolicyRequest.builder().policyName("p" + i).policyDocument("{\"i\":" + i + "}").build());
        }
        call(PutResourcePolicyRequest.builder().policyName("p0").policyDocument("{\"i\":99}").build());
        assertError(PutResourcePolicyRequest.builder().policyName("p10").policyDocument("{}").build(),
                AwsError.LOGS_LIMIT_EXCEEDED, "Resource limit exceeded.");
        assertError(PutResourcePolicyRequest.builder().policyName("x").policyDocument("{" + "a".repeat(5120) + "}")
                .build(), AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'policyDocument' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 5120");
        assertError(PutResourcePolicyRequest.builder().policyName("p0").policyDocument("nope").build(),
                AwsError.LOGS_INVALID_PARAMETER, "Policy document is not valid JSON.");
        DescribeResourcePoliciesResponse first = call(DescribeResourcePoliciesRequest.builder().limit(6).build());
        assertThat(first.resourcePolicies()).hasSize(6);
        journal.close();
        open();
        DescribeResourcePoliciesResponse second = call(DescribeResourcePoliciesRequest.builder().limit(6)
                .nextToken(first.nextToken()).build());
        assertThat(second.resourcePolicies()).hasSize(4);
        assertThat(second.nextToken()).isNull();
        assertThat(first.resourcePolicies().get(0).policyDocument()).isEqualTo("{\"i\":99}");
        call(DeleteResourcePolicyRequest.builder().policyName("p0").build());
        assertError(DeleteResourcePolicyRequest.builder().policyName("p0").build(), AwsError.LOGS_RESOURCE_NOT_FOUND,
                "Policy with name [p0] does not exist");
    }

    @Test
    void queryDefinitions() throws Exception {
        open();
        PutQueryDefinitionResponse a = call(PutQueryDefinitionRequest.builder().name("b-query")
                .queryString("fields @message").logGroupNames("g").build());
        PutQueryDefinitionResponse b = call(PutQueryDefinitionRequest.builder().name("a-query")
                .queryString("fields @timestamp").build());
        call(PutQueryDefinitionRequest.builder().name("other").queryString("x").build());
        PutQueryDefinitionResponse updated = call(PutQueryDefinitionRequest.builder()
                .queryDefinitionId(a.queryDefinitionId()).name("b-query").queryString("stats count()").build());
        assertThat(updated.queryDefinitionId()).isEqualTo(a.queryDefinitionId());
        DescribeQueryDefinitionsResponse page = call(DescribeQueryDefinitionsRequest.builder()
                .maxResults(1).build());
        assertError(DescribeQueryDefinitionsRequest.builder().queryDefinitionNamePrefix("").build(),
                AwsError.LOGS_INVALID_PARAMETER, "1 validation error detected: Value at 'queryDefinitionNamePrefix' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        journal.close();
        open();
        DescribeQueryDefinitionsResponse rest = call(DescribeQueryDefinitionsRequest.builder()
                .maxResults(5).nextToken(page.nextToken()).build());
        assertThat(page.queryDefinitions()).extracting(QueryDefinition::queryDefinitionId)
                .containsExactly(b.queryDefinitionId());
        assertThat(rest.queryDefinitions()).extracting(QueryDefinition::name).containsExactly("b-query", "other");
        assertThat(rest.queryDefinitions().get(0).queryString()).isEqualTo("stats count()");
        assertThat(rest.queryDefinitions().get(0).queryLanguageAsString()).isEqualTo("CWLI");
        assertThat(rest.nextToken()).isNull();
        assertThat(call(DescribeQueryDefinitionsRequest.builder().queryDefinitionNamePrefix("b").build())
                .toString()).contains("b-query").doesNotContain("a-query");
        assertError(PutQueryDefinitionRequest.builder().queryString("x").build(), AwsError.LOGS_INVALID_PARAMETER,
                "1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                        + "Member must not be null");
        assertError(PutQueryDefinitionRequest.builder().queryDefinitionId("missing").name("n").queryString("x")
                .build(), AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified query definition does not exist.");
        DeleteQueryDefinitionResponse deleted = call(DeleteQueryDefinitionRequest.builder()
                .queryDefinitionId(b.queryDefinitionId()).build());
        assertThat(deleted.success()).isTrue();
        assertError(DeleteQueryDefinitionRequest.builder().queryDefinitionId(b.queryDefinitionId()).build(),
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified query definition does not exist.");
    }
}
