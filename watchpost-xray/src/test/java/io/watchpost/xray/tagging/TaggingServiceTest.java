package io.watchpost.xray.tagging;

import static io.watchpost.xray.Fixture.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.traces.TraceService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.CreateGroupResponse;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleRequest;
import software.amazon.awssdk.services.xray.model.CreateSamplingRuleResponse;
import software.amazon.awssdk.services.xray.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.TagResourceRequest;
import software.amazon.awssdk.services.xray.model.UntagResourceRequest;

class TaggingServiceTest {
    private static final RequestContext CTX = Fixture.context("xray", "Test");
    private static final RequestContext OTHER = Fixture.context("111111111111", "us-east-1", "xray", "Test");

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService traces;
    private SamplingRulesService rules;
    private TaggingService tagging;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        traces = new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS);
        rules = new SamplingRulesService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
        tagging = new TaggingService(List.of(traces.taggedGroups(), rules.tagged()));
    }

    @AfterEach
    void tearDown() throws IOException {
        traces.close();
        fixture.close();
    }

    private <T> T call(Class<?> type, Object request) {
        @SuppressWarnings("unchecked")
        T response = (T) traces.handlers().find(type).or(() -> rules.handlers().find(type))
                .or(() -> tagging.handlers().find(type)).orElseThrow().handle(CTX, request);
        return response;
    }

    private List<Tag> tags(String arn) {
        return tagging.listTagsForResource(CTX, ListTagsForResourceRequest.builder().resourceARN(arn).build())
                .tags();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void groupsAndRulesAreTaggedUntaggedAndListed() {
        CreateGroupResponse group = call(CreateGroupRequest.class, CreateGroupRequest.builder().groupName("web")
                .tags(tag("team", "a")).build());
        String groupArn = group.group().groupARN();
        assertThat(tags(groupArn)).containsExactly(tag("team", "a"));
        tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(groupArn)
                .tags(tag("team", "b"), tag("env", "prod")).build());
        assertThat(tags(groupArn)).containsExactly(tag("env", "prod"), tag("team", "b"));
        tagging.untagResource(CTX, UntagResourceRequest.builder().resourceARN(groupArn).tagKeys("team", "absent")
                .build());
        assertThat(tags(groupArn)).containsExactly(tag("env", "prod"));

        CreateSamplingRuleResponse rule = call(CreateSamplingRuleRequest.class, CreateSamplingRuleRequest.builder()
                .samplingRule(SamplingRule.builder().ruleName("pay").resourceARN("*").priority(100).fixedRate(0.1)
                        .reservoirSize(2).serviceName("*").serviceType("*").host("*").httpMethod("*").urlPath("*")
                        .version(1).build()).build());
        String ruleArn = rule.samplingRuleRecord().samplingRule().ruleARN();
        assertThat(tags(ruleArn)).isEmpty();
        tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(ruleArn).tags(tag("owner", "ops")).build());
        assertThat(tags(ruleArn)).containsExactly(tag("owner", "ops"));
        String defaultRule = "arn:aws:xray:us-east-1:000000000000:sampling-rule/Default";
        tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(defaultRule).tags(tag("k", "v")).build());
        assertThat(tags(defaultRule)).containsExactly(tag("k", "v"));
    }

    @Test
    void limitsAndErrorsAreAws() {
        CreateGroupResponse group = call(CreateGroupRequest.class, CreateGroupRequest.builder().groupName("web")
                .build());
        String arn = group.group().groupARN();
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(tag("k" + i, "v"));
        }
        tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(arn).tags(many).build());
        assertAwsError(() -> tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(arn)
                .tags(tag("one-more", "v")).build()), AwsError.XRAY_TOO_MANY_TAGS, "The resource " + arn
                + " would have 51 tags; at most 50 are allowed");
        assertThat(tags(arn)).hasSize(50);
        assertAwsError(() -> tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(arn)
                .tags(tag("aws:x", "v")).build()), AwsError.XRAY_INVALID_REQUEST,
                "Tag keys starting with 'aws:' are reserved for AWS use");
        assertAwsError(() -> tagging.tagResource(CTX, TagResourceRequest.builder().resourceARN(arn)
                .tags(tag("", "v")).build()), AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member "
                        + "must have length greater than or equal to 1");
        String missing = "arn:aws:xray:us-east-1:000000000000:group/nope/ABC";
        assertAwsError(() -> tags(missing), AwsError.XRAY_RESOURCE_NOT_FOUND, "Resource not found: " + missing);
        assertAwsError(() -> tagging.listTagsForResource(OTHER, ListTagsForResourceRequest.builder()
                .resourceARN(arn).build()), AwsError.XRAY_RESOURCE_NOT_FOUND, "Resource not found: " + arn);
        assertThat(tags("arn:aws:xray:us-east-1:000000000000:group/Default")).isEmpty();
        assertAwsError(() -> tagging.tagResource(CTX, TagResourceRequest.builder()
                .resourceARN("arn:aws:xray:us-east-1:000000000000:group/Default").tags(tag("k", "v")).build()),
                AwsError.XRAY_INVALID_REQUEST, "The Default group cannot be tagged");
    }
}
