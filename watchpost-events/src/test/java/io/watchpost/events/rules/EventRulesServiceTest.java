package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.events.EventBusService;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.CreateEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsRequest;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.SqsParameters;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;

class EventRulesServiceTest {
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    static final RequestContext CTX = new RequestContext("req-1", new Principal("AKID", "000000000000", "tester"),
            "us-east-1", "events", "Test", "127.0.0.1", "test", START);
    static final String PATTERN = "{\"source\":[\"orders\"],\"detail-type\":[\"OrderPlaced\"]}";
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:q";

    @TempDir
    Path directory;
    final MutableClock clock = new MutableClock(START);
    final RecordingDelivery delivery = new RecordingDelivery();
    final DeliveryQueue queue = new DeliveryQueue(delivery, 1000);
    StateJournal journal;
    EventRulesService service;

    @BeforeEach
    void setUp() throws IOException {
        journal = StateJournal.open(directory, Durability.PROCESS);
        service = newService();
    }

    @AfterEach
    void tearDown() throws IOException {
        journal.close();
    }

    private EventRulesService newService() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        return new EventRulesService(journal, clock, new PageTokens(key), queue, new Random(42));
    }

    private void putRule(String name, String pattern) {
        service.putRule(CTX, PutRuleRequest.builder().name(name).eventPattern(pattern).build());
    }

    private void putTarget(String rule, String id, String arn) {
        new TargetOperations(service).putTargets(CTX, PutTargetsRequest.builder().rule(rule)
                .targets(Target.builder().id(id).arn(arn).build()).build());
    }

    private PutEventsResponse putEvent(String source, String detailType, String detail) {
        return new PutEventsOperation(service, clock, queue, new Random(1)).putEvents(CTX, PutEventsRequest.builder()
                .entries(PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build())
                .build());
    }

    static void assertAwsError(ThrowingCallable call, AwsError error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void putsAndDescribesRule() {
        var arn = service.putRule(CTX, PutRuleRequest.builder().name("r1").eventPattern(PATTERN)
                .description("d").roleArn("arn:aws:iam::000000000000:role/x").build()).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/r1");
        DescribeRuleResponse described = service.describeRule(CTX, DescribeRuleRequest.builder().name("r1").build());
        assertThat(described.name()).isEqualTo("r1");
        assertThat(described.stateAsString()).isEqualTo("ENABLED");
        assertThat(described.eventPattern()).isEqualTo(PATTERN);
        assertThat(described.eventBusName()).isEqualTo("default");
        assertThat(described.createdBy()).isEqualTo("000000000000");
        assertThat(described.description()).isEqualTo("d");
    }

    @Test
    void ruleOnCustomBusHasBusInArn() {
        new EventBusService(journal, clock, new PageTokens(new byte[16])).handlers()
                .find(CreateEventBusRequest.class).orElseThrow()
                .handle(CTX, CreateEventBusRequest.builder().name("orders").build());
        var arn = service.putRule(CTX, PutRuleRequest.builder().name("r1").eventPattern(PATTERN)
                .eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/orders").build()).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders/r1");
        assertAwsError(() -> service.describeRule(CTX, DescribeRuleRequest.builder().name("r1").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Rule r1 does not exist on EventBus default.");
    }

    @Test
    void putRuleErrors() {
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("bad name").eventPattern(PATTERN).build()),
                AwsError.EVENTS_VALIDATION, "1 validation error detected: Value 'bad name' at 'name' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("r").build()),
                AwsError.EVENTS_VALIDATION, "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("r").scheduleExpression("rate(1 minutes)").build()),
                AwsError.EVENTS_VALIDATION, "Parameter ScheduleExpression is not valid.");
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("r").eventPattern("{\"a\": 1}").build()),
                AwsError.EVENTS_INVALID_EVENT_PATTERN, "Event pattern is not valid. Reason: \"a\" must be an object or an "
                        + "array\n at [Source: (String)\"{\"a\": 1}\"; line: 1, column: 8]");
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("r").eventPattern(PATTERN).eventBusName("nope").build()),
                AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event bus nope does not exist.");
        assertAwsError(() -> service.putRule(CTX, PutRuleRequest.builder().name("r").scheduleExpression("rate(5 minutes)")
                        .eventBusName("other").build()),
                AwsError.EVENTS_VALIDATION, "ScheduleExpression is supported only on the default event bus.");
    }

    @Test
    void schedulesAreStored() {
        service.putRule(CTX, PutRuleRequest.builder().name("s").scheduleExpression("cron(0 12 ? * MON-FRI *)").build());
        assertThat(service.describeRule(CTX, DescribeRuleRequest.builder().name("s").build()).scheduleExpression())
                .isEqualTo("cron(0 12 ? * MON-FRI *)");
    }

    @Test
    void limitsRulesPerBus() {
        for (int i = 0; i < EventRulesService.MAX_RULES_PER_BUS; i++) {
            putRule("r" + i, PATTERN);
        }
        putRule("r0", PATTERN); // updating an existing rule is not a new one
        assertAwsError(() -> putRule("one-too-many", PATTERN), AwsError.EVENTS_LIMIT_EXCEEDED,
                "The requested resource exceeds the maximum number allowed.");
    }

    @Test
    void enablesDisablesAndDeletes() {
        putRule("r1", PATTERN);
        service.setState(CTX, "r1", null, "DISABLED");
        assertThat(service.describeRule(CTX, DescribeRuleRequest.builder().name("r1").build()).stateAsString()).isEqualTo("DISABLED");
        assertThat(service.handlers().find(EnableRuleRequest.class)).isPresent();
        service.setState(CTX, "r1", null, "ENABLED");
        putTarget("r1", "t1", QUEUE);
        assertAwsError(() -> service.deleteRule(CTX, DeleteRuleRequest.builder().name("r1").build()),
                AwsError.EVENTS_VALIDATION, "Rule can't be deleted since it has targets.");
        service.deleteRule(CTX, DeleteRuleRequest.builder().name("r1").force(true).build());
        assertAwsError(() -> service.setState(CTX, "r1", null, "ENABLED"), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Rule r1 does not exist on EventBus default.");
        service.deleteRule(CTX, DeleteRuleRequest.builder().name("r1").build()); // absent: succeeds
    }

    @Test
    void listsRulesWithPrefixAndPages() {
        for (String name : List.of("b", "a2", "a1", "a3")) {
            putRule(name, PATTERN);
        }
        ListRulesResponse first = service.listRules(CTX, ListRulesRequest.builder().namePrefix("a").limit(2).build());
        assertThat(first.rules()).extracting(Rule::name).containsExactly("a1", "a2");
        ListRulesResponse second = service.listRules(CTX, ListRulesRequest.builder().namePrefix("a").limit(2)
                .nextToken(first.nextToken()).build());
        assertThat(second.rules()).extracting(Rule::name).containsExactly("a3");
        assertThat(second.nextToken()).isNull();
        assertAwsError(() -> service.listRules(CTX, ListRulesRequest.builder().nextToken("junk").build()),
                AwsError.EVENTS_VALIDATION, "Parameter NextToken is not valid.");
    }

    @Test
    void targetsAreLimitedListedAndRemoved() {
        putRule("r1", PATTERN);
        putRule("r2", PATTERN);
        for (int i = 1; i <= TargetOperations.MAX_TARGETS_PER_RULE; i++) {
            putTarget("r1", "t" + i, QUEUE + i);
        }
        putTarget("r2", "x", QUEUE + 1);
        assertAwsError(() -> putTarget("r1", "t6", QUEUE), AwsError.EVENTS_LIMIT_EXCEEDED,
                "The requested resource exceeds the maximum number allowed.");
        putTarget("r1", "t1", QUEUE + "-replaced"); // same id: replaced in place
        var ops = new TargetOperations(service);
        var listed = ops.listTargetsByRule(CTX, ListTargetsByRuleRequest.builder().rule("r1").limit(3).build());
        assertThat(listed.targets()).extracting(Target::id).containsExactly("t1", "t2", "t3");
        assertThat(listed.targets().get(0).arn()).isEqualTo(QUEUE + "-replaced");
        var rest = ops.listTargetsByRule(CTX, ListTargetsByRuleRequest.builder().rule("r1").nextToken(listed.nextToken()).build());
        assertThat(rest.targets()).extracting(Target::id).containsExactly("t4", "t5");
        assertThat(service.listRuleNamesByTarget(CTX, ListRuleNamesByTargetRequest.builder().targetArn(QUEUE + 1).build())
                .ruleNames()).containsExactly("r2");
        var removed = ops.removeTargets(CTX, RemoveTargetsRequest.builder().rule("r1").ids("t2", "nope").build());
        assertThat(removed.failedEntryCount()).isZero();
        assertThat(ops.listTargetsByRule(CTX, ListTargetsByRuleRequest.builder().rule("r1").build()).targets())
                .extracting(Target::id).containsExactly("t1", "t3", "t4", "t5");
        assertAwsError(() -> putTarget("nope", "t", QUEUE), AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Rule nope does not exist on EventBus default.");
        assertAwsError(() -> putTarget("r1", "t1", "not-an-arn"), AwsError.EVENTS_VALIDATION,
                "Parameter not-an-arn is not valid. Reason: Provided Arn is not in correct format.");
    }

    @Test
    void targetsThatNeedAParameterBlockAreRefusedWithoutIt() {
        putRule("r1", PATTERN);
        String fifo = "arn:aws:sqs:us-east-1:000000000000:orders.fifo";
        // checked before the rule is looked up: a missing rule does not hide the missing block
        assertAwsError(() -> putTarget("nope", "fifo", fifo), AwsError.EVENTS_VALIDATION,
                "Parameter(s) SqsParameters must be specified for target: fifo.");
        assertAwsError(() -> putTarget("r1", "ecs", "arn:aws:ecs:us-east-1:000000000000:cluster/c"),
                AwsError.EVENTS_VALIDATION, "Parameter(s) EcsParameters must be specified for target: ecs.");
        assertAwsError(() -> putTarget("r1", "batch", "arn:aws:batch:us-east-1:000000000000:job-queue/q"),
                AwsError.EVENTS_VALIDATION, "Parameter(s) BatchParameters must be specified for target: batch.");
        new TargetOperations(service).putTargets(CTX, PutTargetsRequest.builder().rule("r1").targets(
                Target.builder().id("fifo").arn(fifo).sqsParameters(SqsParameters.builder().messageGroupId("g").build())
                        .build()).build());
        putTarget("r1", "standard", QUEUE); // a standard queue needs no group
        assertThat(new TargetOperations(service).listTargetsByRule(CTX, ListTargetsByRuleRequest.builder().rule("r1")
                .build()).targets()).extracting(Target::id).containsExactly("fifo", "standard");
    }

    @Test
    void putEventsDeliversToMatchingEnabledRulesOnly() {
        putRule("orders", PATTERN);
        putRule("other", "{\"source\":[\"billing\"]}");
        putRule("prefix", "{\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}");
        putTarget("orders", "t", QUEUE);
        putTarget("other", "t", QUEUE);
        putTarget("prefix", "t", QUEUE);
        PutEventsResponse response = putEvent("orders", "OrderPlaced", "{\"amount\": 250}");
        assertThat(response.failedEntryCount()).isZero();
        String id = response.entries().get(0).eventId();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(queue.deliverPending()).isEqualTo(2);
        assertThat(delivery.delivered).extracting(d -> d.rule().ruleName()).containsExactlyInAnyOrder("orders", "prefix");
        assertThat(delivery.delivered.get(0).payload()).isEqualTo("{\"version\":\"0\",\"id\":\"" + id
                + "\",\"detail-type\":\"OrderPlaced\",\"source\":\"orders\",\"account\":\"000000000000\","
                + "\"time\":\"2025-03-01T12:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"amount\":250}}");

        service.setState(CTX, "orders", null, "DISABLED");
        service.setState(CTX, "prefix", null, "DISABLED");
        putEvent("orders", "OrderPlaced", "{\"amount\": 250}");
        assertThat(queue.deliverPending()).isZero();
    }

    @Test
    void putEventsPerEntryErrors() {
        var op = new PutEventsOperation(service, clock, queue, new Random(1));
        PutEventsResponse response = op.putEvents(CTX, PutEventsRequest.builder().entries(
                PutEventsRequestEntry.builder().detailType("t").detail("{}").build(),
                PutEventsRequestEntry.builder().source("s").detail("{}").build(),
                PutEventsRequestEntry.builder().source("s").detailType("t").build(),
                PutEventsRequestEntry.builder().source("s").detailType("t").detail("[1]").build(),
                PutEventsRequestEntry.builder().source("aws.ec2").detailType("t").detail("{}").build(),
                PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").eventBusName("nope").build(),
                PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").build()).build());
        assertThat(response.failedEntryCount()).isEqualTo(6);
        assertThat(response.entries()).extracting(e -> e.errorCode()).containsExactly("InvalidArgument",
                "InvalidArgument", "InvalidArgument", "MalformedDetail", "NotAuthorizedForSourceException",
                "ResourceNotFoundException", null);
        assertThat(response.entries().get(0).errorMessage())
                .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(response.entries().get(5).errorMessage()).isEqualTo("Event bus nope does not exist.");
        assertThat(response.entries().get(6).eventId()).isNotNull();
    }

    @Test
    void putEventsRequestLimits() {
        var op = new PutEventsOperation(service, clock, queue, new Random(1));
        var entry = PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").build();
        assertThatThrownBy(() -> op.putEvents(CTX, PutEventsRequest.builder().entries(java.util.Collections.nCopies(11, entry)).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .startsWith("1 validation error detected: Value '[").endsWith("at 'entries' failed to satisfy "
                                + "constraint: Member must have length less than or equal to 10"));
        String big = "{\"x\":\"" + "a".repeat(140_000) + "\"}";
        var large = PutEventsRequestEntry.builder().source("s").detailType("t").detail(big).build();
        assertAwsError(() -> op.putEvents(CTX, PutEventsRequest.builder().entries(large, large).build()),
                AwsError.EVENTS_VALIDATION, "Total size of the entries in the request is over the limit.");
    }

    @Test
    void testEventPattern() {
        String event = "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"orders\",\"time\":\"2025-03-01T12:00:00Z\","
                + "\"region\":\"us-east-1\",\"detail-type\":\"OrderPlaced\",\"detail\":{}}";
        assertThat(TestPatternOperation.test(CTX, TestEventPatternRequest.builder().eventPattern(PATTERN).event(event)
                .build()).result()).isTrue();
        assertThat(TestPatternOperation.test(CTX, TestEventPatternRequest.builder()
                .eventPattern("{\"source\":[\"x\"]}").event(event).build()).result()).isFalse();
        assertAwsError(() -> TestPatternOperation.test(CTX, TestEventPatternRequest.builder().eventPattern(PATTERN)
                .event("{\"source\":\"orders\"}").build()), AwsError.EVENTS_VALIDATION, "Parameter Event is not valid.");
        assertAwsError(() -> TestPatternOperation.test(CTX, TestEventPatternRequest.builder().eventPattern(PATTERN)
                .event("plain string").build()), AwsError.EVENTS_VALIDATION, "Parameter Event is not valid.");
    }

    @Test
    void rulesTargetsAndIndexSurviveRestart() throws IOException {
        putRule("orders", PATTERN);
        putTarget("orders", "t", QUEUE);
        putRule("off", "{\"source\":[\"orders\"]}");
        putTarget("off", "t", QUEUE);
        service.setState(CTX, "off", null, "DISABLED");
        journal.close();
        journal = StateJournal.open(directory, Durability.PROCESS);
        service = newService();
        assertThat(service.describeRule(CTX, DescribeRuleRequest.builder().name("off").build()).stateAsString())
                .isEqualTo("DISABLED");
        putEvent("orders", "OrderPlaced", "{}");
        assertThat(queue.deliverPending()).isEqualTo(1);
        assertThat(delivery.delivered.get(0).rule().ruleArn()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders");
    }

    @Test
    void disableRuleHandlerIsRegistered() {
        assertThat(service.handlers().find(DisableRuleRequest.class)).isPresent();
    }
}
