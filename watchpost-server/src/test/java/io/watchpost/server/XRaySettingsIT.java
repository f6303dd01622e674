package io.watchpost.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.InvalidPolicyRevisionIdException;
import software.amazon.awssdk.services.xray.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.xray.model.ResourceNotFoundException;
import software.amazon.awssdk.services.xray.model.ResourcePolicy;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.TooManyTagsException;

/** X-Ray tags, encryption, resource policies, indexing rules and segment destination over the SDK v2 client. */
class XRaySettingsIT {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"xray:PutTraceSegments\","
            + "\"Resource\":\"*\"}]}";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static XRayClient xray;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        xray = server.client(XRayClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        xray.close();
        server.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void groupsAndSamplingRulesAreTagged() {
        String group = xray.createGroup(r -> r.groupName("tagged").tags(tag("team", "a"))).group().groupARN();
        xray.tagResource(r -> r.resourceARN(group).tags(tag("env", "prod")));
        assertThat(xray.listTagsForResource(r -> r.resourceARN(group)).tags())
                .containsExactly(tag("env", "prod"), tag("team", "a"));
        xray.untagResource(r -> r.resourceARN(group).tagKeys("team"));
        assertThat(xray.listTagsForResource(r -> r.resourceARN(group)).tags()).containsExactly(tag("env", "prod"));

        String rule = xray.createSamplingRule(r -> r.samplingRule(s -> s.ruleName("tagged").resourceARN("*")
                .priority(10).fixedRate(0.1).reservoirSize(1).serviceName("*").serviceType("*").host("*")
                .httpMethod("*").urlPath("*").version(1))).samplingRuleRecord().samplingRule().ruleARN();
        xray.tagResource(r -> r.resourceARN(rule).tags(tag("owner", "ops")));
        assertThat(xray.listTagsForResource(r -> r.resourceARN(rule)).tags()).containsExactly(tag("owner", "ops"));

        Tag[] many = new Tag[50];
        for (int i = 0; i < many.length; i++) {
            many[i] = tag("k" + i, "v");
        }
        assertThatThrownBy(() -> xray.tagResource(r -> r.resourceARN(rule).tags(many)))
                .isInstanceOf(TooManyTagsException.class);
        assertThatThrownBy(() -> xray.listTagsForResource(r -> r.resourceARN(
                "arn:aws:xray:us-east-1:000000000000:sampling-rule/missing")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void encryptionIndexingAndDestinationSettings() {
        assertThat(xray.getEncryptionConfig(r -> { }).encryptionConfig().typeAsString()).isEqualTo("NONE");
        var put = xray.putEncryptionConfig(r -> r.type("KMS").keyId("alias/xray")).encryptionConfig();
        assertThat(put.typeAsString()).isEqualTo("KMS");
        assertThat(put.statusAsString()).isEqualTo("UPDATING");
        assertThat(xray.getEncryptionConfig(r -> { }).encryptionConfig().keyId()).isEqualTo("alias/xray");

        var rules = xray.getIndexingRules(r -> { }).indexingRules();
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("Default");
            assertThat(rule.rule().probabilistic().desiredSamplingPercentage()).isEqualTo(1.0);
        });
        var updated = xray.updateIndexingRule(r -> r.name("Default")
                .rule(u -> u.probabilistic(p -> p.desiredSamplingPercentage(10.0)))).indexingRule();
        assertThat(updated.rule().probabilistic().desiredSamplingPercentage()).isEqualTo(10.0);
        assertThatThrownBy(() -> xray.updateIndexingRule(r -> r.name("Other")
                .rule(u -> u.probabilistic(p -> p.desiredSamplingPercentage(10.0)))))
                .isInstanceOf(ResourceNotFoundException.class);

        assertThat(xray.getTraceSegmentDestination(r -> { }).destinationAsString()).isEqualTo("XRay");
        var destination = xray.updateTraceSegmentDestination(r -> r.destination("CloudWatchLogs"));
        assertThat(destination.destinationAsString()).isEqualTo("CloudWatchLogs");
        assertThat(destination.statusAsString()).isEqualTo("PENDING");
    }

    @Test
    void resourcePoliciesHaveRevisions() {
        ResourcePolicy first = xray.putResourcePolicy(r -> r.policyName("sns").policyDocument(POLICY)
                .policyRevisionId("0")).resourcePolicy();
        assertThat(first.policyRevisionId()).isEqualTo("1");
        assertThatThrownBy(() -> xray.putResourcePolicy(r -> r.policyName("sns").policyDocument(POLICY)
                .policyRevisionId("0"))).isInstanceOf(InvalidPolicyRevisionIdException.class);
        assertThatThrownBy(() -> xray.putResourcePolicy(r -> r.policyName("bad").policyDocument("{}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThat(xray.listResourcePolicies(r -> { }).resourcePolicies()).extracting(ResourcePolicy::policyName)
                .containsExactly("sns");
        xray.deleteResourcePolicy(r -> r.policyName("sns").policyRevisionId("1"));
        assertThat(xray.listResourcePolicies(r -> { }).resourcePolicies()).isEmpty();
    }
}
