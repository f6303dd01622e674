package io.watchpost.events;

import static io.watchpost.events.Fixture.assertAwsError;
import static io.watchpost.events.Fixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.DeliveryQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.TagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UntagResourceRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateEventBusResponse;

/** UpdateEventBus and the tagging operations over buses and rules, on a real journal. */
class EventTagsServiceTest {
    private static final RequestContext CTX = context("events", "Test");
    private static final String PREFIX = "arn:aws:events:us-east-1:000000000000:";

    @TempDir
    Path directory;
    private Fixture fixture;
    private EventBusService buses;
    private EventRulesService rules;
    private EventTagsService tags;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        open();
    }

    private void open() {
        buses = new EventBusService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS);
        rules = new EventRulesService(fixture.journal, fixture.clock, Fixture.PAGE_TOKENS,
                new DeliveryQueue((scope, rule, target, payload) -> { }, 10), new Random(1));
        tags = new EventTagsService(buses.tagStore(), rules.tagStore());
    }

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    @Test
    void tagsGivenAtCreationAreListedAndTagResourceMergesThem() throws IOException {
        buses.createEventBus(CTX, CreateEventBusRequest.builder().name("orders").tags(tag("team", "a")).build());
        putRule("orders", "on-order", tag("tier", "1"));
        putRule(null, "on-default", tag("x", "y"));

        tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(PREFIX + "event-bus/orders")
                .tags(tag("team", "b"), tag("env", "prod")).build());
        assertThat(list(PREFIX + "event-bus/orders")).containsExactly(Map.entry("team", "b"), Map.entry("env", "prod"));
        assertThat(list(PREFIX + "rule/orders/on-order")).containsExactly(Map.entry("tier", "1"));
        assertThat(list(PREFIX + "rule/on-default")).containsExactly(Map.entry("x", "y"));

        tags.untagResource(CTX, UntagResourceRequest.builder().resourceARN(PREFIX + "rule/orders/on-order")
                .tagKeys("tier", "absent").build());
        assertThat(list(PREFIX + "rule/orders/on-order")).isEmpty();

        fixture.restart();
        open();
        assertThat(list(PREFIX + "event-bus/orders")).containsExactly(Map.entry("team", "b"), Map.entry("env", "prod"));
    }

    @Test
    void theImplicitDefaultBusCanBeTagged() {
        assertThat(list(PREFIX + "event-bus/default")).isEmpty();
        tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(PREFIX + "event-bus/default")
                .tags(tag("k", "v")).build());
        assertThat(list(PREFIX + "event-bus/default")).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void missingResourcesAndForeignArnsAreNotFound() {
        assertAwsError(() -> list(PREFIX + "event-bus/nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Event bus nope does not exist.");
        assertAwsError(() -> list(PREFIX + "rule/nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Rule nope does not exist on EventBus default.");
        assertAwsError(() -> list(PREFIX + "rule/orders/nope"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Rule nope does not exist on EventBus orders.");
        assertAwsError(() -> list("arn:aws:events:us-east-1:111111111111:event-bus/default"),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus default does not exist.");
        assertAwsError(() -> list(PREFIX + "archive/a"), AwsError.EVENTS_VALIDATION,
                "Parameter ResourceARN is not valid.");
        assertAwsError(() -> list("not-an-arn"), AwsError.EVENTS_VALIDATION, "Parameter ResourceARN is not valid.");
        assertAwsError(() -> tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(PREFIX + "event-bus/x")
                .tags(tag("k", "v")).build()), AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus x does not exist.");
    }

    @Test
    void validatesAndLimitsToFiftyTagsWithoutChangingAnything() {
        String bus = PREFIX + "event-bus/default";
        assertAwsError(() -> tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(bus).build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value null at 'tags' failed to satisfy "
                        + "constraint: Member must not be null");
        assertAwsError(() -> tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(bus)
                        .tags(tag("", "v")).build()), AwsError.EVENTS_VALIDATION,
                "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertAwsError(() -> tags.untagResource(CTX, UntagResourceRequest.builder().build()),
                AwsError.EVENTS_VALIDATION, "2 validation errors detected: Value null at 'resourceARN' failed to "
                        + "satisfy constraint: Member must not be null; Value null at 'tagKeys' failed to satisfy "
                        + "constraint: Member must not be null");
        tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(bus).tags(many(0, 49)).build());
        assertAwsError(() -> tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(bus)
                        .tags(many(49, 51)).build()), AwsError.EVENTS_VALIDATION,
                "The number of tags on the resource exceeds the limit of 50.");
        assertThat(list(bus)).hasSize(49);
        tags.tagResource(CTX, TagResourceRequest.builder().resourceARN(bus).tags(many(0, 50)).build());
        assertThat(list(bus)).hasSize(50);
        assertAwsError(() -> buses.createEventBus(CTX, CreateEventBusRequest.builder().name("big")
                .tags(many(0, 51)).build()), AwsError.EVENTS_VALIDATION,
                "The number of tags on the resource exceeds the limit of 50.");
    }

    @Test
    void updateEventBusReplacesGivenMembersAndKeepsTheRest() {
        buses.createEventBus(CTX, CreateEventBusRequest.builder().name("orders").description("first")
                .kmsKeyIdentifier("alias/k").deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq"))
                .tags(tag("k", "v")).build());
        fixture.clock.advance(Duration.ofMinutes(1));
        UpdateEventBusResponse updated = buses.updateEventBus(CTX, UpdateEventBusRequest.builder().name("orders")
                .description("second").logConfig(l -> l.level("ERROR").includeDetail("NONE")).build());
        assertThat(updated.arn()).isEqualTo(PREFIX + "event-bus/orders");
        assertThat(updated.name()).isEqualTo("orders");
        assertThat(updated.description()).isEqualTo("second");
        assertThat(updated.kmsKeyIdentifier()).isEqualTo("alias/k");
        assertThat(updated.deadLetterConfig().arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
        DescribeEventBusResponse described = describe("orders");
        assertThat(described.logConfig().levelAsString()).isEqualTo("ERROR");
        assertThat(described.lastModifiedTime()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(1)));
        assertThat(described.creationTime()).isEqualTo(Fixture.START);

        buses.updateEventBus(CTX, UpdateEventBusRequest.builder().name("orders").description("")
                .kmsKeyIdentifier("").deadLetterConfig(d -> { }).build());
        described = describe("orders");
        assertThat(described.description()).isNull();
        assertThat(described.kmsKeyIdentifier()).isNull();
        assertThat(described.deadLetterConfig()).isNull();
        assertThat(list(PREFIX + "event-bus/orders")).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void updateEventBusDefaultsToTheDefaultBusAndRefusesMissingOrInvalid() {
        assertThat(buses.updateEventBus(CTX, UpdateEventBusRequest.builder().description("main").build()).name())
                .isEqualTo("default");
        assertThat(describe("default").description()).isEqualTo("main");
        assertAwsError(() -> buses.updateEventBus(CTX, UpdateEventBusRequest.builder().name("nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
        assertAwsError(() -> buses.updateEventBus(CTX, UpdateEventBusRequest.builder().name("default")
                        .kmsKeyIdentifier("bad key").description("d".repeat(513)).build()), AwsError.EVENTS_VALIDATION,
                "2 validation errors detected: Value 'bad key' at 'kmsKeyIdentifier' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-/:]*$; Value '"
                        + "d".repeat(513) + "' at 'description' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 512");
        assertThat(describe("default").description()).isEqualTo("main");
    }

    private DescribeEventBusResponse describe(String name) {
        return buses.describeEventBus(CTX, DescribeEventBusRequest.builder().name(name).build());
    }

    private void putRule(String bus, String name, Tag tag) {
        rules.handlers().find(PutRuleRequest.class).orElseThrow().handle(CTX, PutRuleRequest.builder()
                .eventBusName(bus).name(name).eventPattern("{\"source\":[\"a\"]}").tags(tag).build());
    }

    private Map<String, String> list(String arn) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        tags.listTagsForResource(CTX, ListTagsForResourceRequest.builder().resourceARN(arn).build()).tags()
                .forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    private static List<Tag> many(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> tag("k" + i, "v")).toList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
