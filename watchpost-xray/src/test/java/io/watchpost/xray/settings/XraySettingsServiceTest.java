package io.watchpost.xray.settings;

import static io.watchpost.xray.Fixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.EncryptionConfig;
import software.amazon.awssdk.services.xray.model.GetEncryptionConfigRequest;
import software.amazon.awssdk.services.xray.model.GetIndexingRulesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSegmentDestinationResponse;
import software.amazon.awssdk.services.xray.model.IndexingRule;
import software.amazon.awssdk.services.xray.model.IndexingRuleValueUpdate;
import software.amazon.awssdk.services.xray.model.ListResourcePoliciesRequest;
import software.amazon.awssdk.services.xray.model.ProbabilisticRuleValueUpdate;
import software.amazon.awssdk.services.xray.model.PutEncryptionConfigRequest;
import software.amazon.awssdk.services.xray.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.xray.model.ResourcePolicy;
import software.amazon.awssdk.services.xray.model.UpdateIndexingRuleRequest;
import software.amazon.awssdk.services.xray.model.UpdateTraceSegmentDestinationRequest;

class XraySettingsServiceTest {
    private static final RequestContext CTX = Fixture.context("xray", "Test");
    private static final RequestContext OTHER = Fixture.context("111111111111", "eu-west-1", "xray", "Test");
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"xray:PutTraceSegments\","
            + "\"Resource\":\"*\"}]}";

    @TempDir
    Path directory;
    private Fixture fixture;
    private XraySettingsService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = new XraySettingsService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    private EncryptionConfig encryption() {
        return service.getEncryptionConfig(CTX, GetEncryptionConfigRequest.builder().build()).encryptionConfig();
    }

    @Test
    void encryptionIsNoneUntilSetAndUpdatingBeforeActive() throws IOException {
        assertThat(encryption()).isEqualTo(EncryptionConfig.builder().type("NONE").status("ACTIVE").build());
        EncryptionConfig put = service.putEncryptionConfig(CTX, PutEncryptionConfigRequest.builder().type("KMS")
                .keyId("alias/xray").build()).encryptionConfig();
        assertThat(put).isEqualTo(EncryptionConfig.builder().type("KMS").keyId("alias/xray").status("UPDATING")
                .build());
        assertThat(encryption().statusAsString()).isEqualTo("UPDATING");
        fixture.clock.advance(XraySettingsService.SETTLE_TIME);
        assertThat(encryption().statusAsString()).isEqualTo("ACTIVE");
        fixture.restart();
        service = new XraySettingsService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
        assertThat(encryption().keyId()).isEqualTo("alias/xray");
        assertThat(service.getEncryptionConfig(OTHER, GetEncryptionConfigRequest.builder().build())
                .encryptionConfig().typeAsString()).isEqualTo("NONE");

        assertThat(service.putEncryptionConfig(CTX, PutEncryptionConfigRequest.builder().type("NONE")
                .keyId("ignored").build()).encryptionConfig().keyId()).isNull();
        assertAwsError(() -> service.putEncryptionConfig(CTX, PutEncryptionConfigRequest.builder().type("AES")
                .build()), AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value at 'type' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [NONE, KMS]");
        assertAwsError(() -> service.putEncryptionConfig(CTX, PutEncryptionConfigRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "1 validation error detected: Value null at 'type' failed to "
                        + "satisfy constraint: Member must not be null");
    }

    private ResourcePolicy putPolicy(String name, String document, String revision) {
        return service.policies().put(CTX, PutResourcePolicyRequest.builder().policyName(name)
                .policyDocument(document).policyRevisionId(revision).build()).resourcePolicy();
    }

    @Test
    void resourcePoliciesHaveRevisionsLimitsAndAwsErrors() {
        ResourcePolicy first = putPolicy("sns", POLICY, "0");
        assertThat(first.policyRevisionId()).isEqualTo("1");
        assertThat(first.lastUpdatedTime()).isEqualTo(Fixture.START);
        assertAwsError(() -> putPolicy("sns", POLICY, "0"), AwsError.XRAY_INVALID_POLICY_REVISION_ID,
                "Policy revision id 0 does not match the latest revision 1");
        assertThat(putPolicy("sns", POLICY, "1").policyRevisionId()).isEqualTo("2");
        assertThat(putPolicy("sns", POLICY, null).policyRevisionId()).isEqualTo("3");
        assertAwsError(() -> putPolicy("other", POLICY, "4"), AwsError.XRAY_INVALID_POLICY_REVISION_ID,
                "Policy revision id 4 was provided for a policy that does not exist");
        assertAwsError(() -> putPolicy("bad", "{\"Version\":\"2012-10-17\"}", null),
                AwsError.XRAY_MALFORMED_POLICY_DOCUMENT,
                "Invalid policy document: a JSON object with a Statement is required");
        assertAwsError(() -> putPolicy("bad", "not json", null), AwsError.XRAY_MALFORMED_POLICY_DOCUMENT,
                "Invalid policy document: a JSON object with a Statement is required");
        assertAwsError(() -> putPolicy("big", POLICY.replace("*", "*".repeat(6000)), null),
                AwsError.XRAY_POLICY_SIZE_LIMIT_EXCEEDED, "Policy document exceeds the maximum size of 5120 bytes");
        assertAwsError(() -> putPolicy("bad name!", POLICY, null), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value at 'policyName' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [\\w+=,.@-]+");
        for (int i = 2; i <= ResourcePolicies.MAX_POLICIES; i++) {
            putPolicy("p" + i, POLICY, null);
        }
        assertAwsError(() -> putPolicy("p6", POLICY, null), AwsError.XRAY_POLICY_COUNT_LIMIT_EXCEEDED,
                "An account can have at most 5 resource policies");
        assertThat(service.policies().list(CTX, ListResourcePoliciesRequest.builder().build()).resourcePolicies())
                .extracting(ResourcePolicy::policyName).containsExactly("p2", "p3", "p4", "p5", "sns");
        assertThat(service.policies().list(OTHER, ListResourcePoliciesRequest.builder().build())
                .resourcePolicies()).isEmpty();

        assertAwsError(() -> service.policies().delete(CTX, DeleteResourcePolicyRequest.builder().policyName("sns")
                .policyRevisionId("1").build()), AwsError.XRAY_INVALID_POLICY_REVISION_ID,
                "Policy revision id 1 does not match the latest revision 3");
        service.policies().delete(CTX, DeleteResourcePolicyRequest.builder().policyName("sns").policyRevisionId("3")
                .build());
        service.policies().delete(CTX, DeleteResourcePolicyRequest.builder().policyName("p2").build());
        service.policies().delete(CTX, DeleteResourcePolicyRequest.builder().policyName("gone").build());
        assertThat(service.policies().list(CTX, ListResourcePoliciesRequest.builder().build()).resourcePolicies())
                .extracting(ResourcePolicy::policyName).containsExactly("p3", "p4", "p5");
    }

    @Test
    void theDefaultIndexingRuleIsProbabilistic() {
        IndexingRule rule = service.getIndexingRules(CTX, GetIndexingRulesRequest.builder().build())
                .indexingRules().get(0);
        assertThat(rule.name()).isEqualTo("Default");
        assertThat(rule.rule().probabilistic().desiredSamplingPercentage()).isEqualTo(1.0);
        fixture.clock.advance(Duration.ofMinutes(1));
        IndexingRule updated = service.updateIndexingRule(CTX, UpdateIndexingRuleRequest.builder().name("Default")
                .rule(IndexingRuleValueUpdate.fromProbabilistic(ProbabilisticRuleValueUpdate.builder()
                        .desiredSamplingPercentage(25.5).build())).build()).indexingRule();
        assertThat(updated.rule().probabilistic().desiredSamplingPercentage()).isEqualTo(25.5);
        assertThat(updated.modifiedAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(1)));
        assertThat(service.getIndexingRules(CTX, GetIndexingRulesRequest.builder().build()).indexingRules())
                .containsExactly(updated);
        assertAwsError(() -> service.updateIndexingRule(CTX, UpdateIndexingRuleRequest.builder().name("Custom")
                .rule(IndexingRuleValueUpdate.fromProbabilistic(ProbabilisticRuleValueUpdate.builder()
                        .desiredSamplingPercentage(5.0).build())).build()), AwsError.XRAY_RESOURCE_NOT_FOUND,
                "Indexing rule Custom not found");
        assertAwsError(() -> service.updateIndexingRule(CTX, UpdateIndexingRuleRequest.builder().name("Default")
                .rule(IndexingRuleValueUpdate.fromProbabilistic(ProbabilisticRuleValueUpdate.builder()
                        .desiredSamplingPercentage(101.0).build())).build()), AwsError.XRAY_INVALID_REQUEST,
                "DesiredSamplingPercentage must be between 0 and 100");
    }

    private GetTraceSegmentDestinationResponse destination() {
        return service.getTraceSegmentDestination(CTX, GetTraceSegmentDestinationRequest.builder().build());
    }

    @Test
    void theSegmentDestinationIsPendingBeforeActive() {
        assertThat(destination().destinationAsString()).isEqualTo("XRay");
        assertThat(destination().statusAsString()).isEqualTo("ACTIVE");
        var updated = service.updateTraceSegmentDestination(CTX, UpdateTraceSegmentDestinationRequest.builder()
                .destination("CloudWatchLogs").build());
        assertThat(updated.destinationAsString()).isEqualTo("CloudWatchLogs");
        assertThat(updated.statusAsString()).isEqualTo("PENDING");
        assertThat(destination().statusAsString()).isEqualTo("PENDING");
        fixture.clock.advance(XraySettingsService.SETTLE_TIME);
        assertThat(destination().statusAsString()).isEqualTo("ACTIVE");
        assertThat(service.updateTraceSegmentDestination(CTX, UpdateTraceSegmentDestinationRequest.builder()
                .destination("CloudWatchLogs").build()).statusAsString()).isEqualTo("ACTIVE");
        assertAwsError(() -> service.updateTraceSegmentDestination(CTX, UpdateTraceSegmentDestinationRequest
                .builder().destination("S3").build()), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value at 'destination' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [XRay, CloudWatchLogs]");
    }
}
