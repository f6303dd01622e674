package io.watchpost.cloudtrail.lookup;

import static io.watchpost.cloudtrail.recorder.RecorderFixture.ACCOUNT;
import static io.watchpost.cloudtrail.recorder.RecorderFixture.ALICE;
import static io.watchpost.cloudtrail.recorder.RecorderFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.cloudtrail.recorder.RecorderFixture;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

class LookupEventsServiceTest {
    static final Principal BOB = new Principal("AKIABOB0000000000000", ACCOUNT, "bob");

    @TempDir
    Path dir;
    RecorderFixture fixture;
    LookupEventsService service;

    @BeforeEach
    void open() throws Exception {
        fixture = new RecorderFixture(dir);
        service = new LookupEventsService(fixture.recorder(), fixture.clock,
                new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    LookupEventsResponse lookup(Consumer<LookupEventsRequest.Builder> request) {
        return lookup(ALICE, REGION, request);
    }

    LookupEventsResponse lookup(Principal principal, String region, Consumer<LookupEventsRequest.Builder> request) {
        fixture.all(); // flush the writer
        LookupEventsRequest.Builder builder = LookupEventsRequest.builder();
        request.accept(builder);
        RequestContext ctx = RecorderFixture.context(principal, region, "LookupEvents", fixture.clock.instant());
        return service.lookup(ctx, builder.build());
    }

    List<String> names(Consumer<LookupEventsRequest.Builder> request) {
        return lookup(request).events().stream().map(Event::eventName).toList();
    }

    static Consumer<LookupEventsRequest.Builder> attribute(String key, String value) {
        return r -> r.lookupAttributes(LookupAttribute.builder().attributeKey(key).attributeValue(value).build());
    }

    /** One call per second, so the order is unambiguous. */
    void call(Principal who, String source, String operation, boolean readOnly, String request) {
        fixture.call(who, REGION, source, operation, readOnly, request, "{}");
        fixture.clock.advance(Duration.ofSeconds(1));
    }

    void seed() {
        call(ALICE, "logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"app\"}");
        call(BOB, "monitoring.amazonaws.com", "PutDashboard", false, "{\"dashboardName\":\"ops\"}");
        call(ALICE, "monitoring.amazonaws.com", "PutMetricData", false, "{\"namespace\":\"App\"}"); // data event
        call(BOB, "events.amazonaws.com", "CreateEventBus", false, "{\"name\":\"orders\"}");
        call(ALICE, "xray.amazonaws.com", "CreateSamplingRule", false, "{\"samplingRule\":{\"ruleName\":\"r1\"}}");
        call(BOB, "schemas.amazonaws.com", "CreateRegistry", false, "{\"registryName\":\"reg\"}");
        call(ALICE, "cloudtrail.amazonaws.com", "GetTrail", true, "{\"name\":\"main\"}");
        call(ALICE, "logs.amazonaws.com", "DescribeLogGroups", true, "{\"logGroupNamePrefix\":\"a\"}");
    }

    @Test
    void returnsManagementEventsNewestFirstWithTheirRecord() throws Exception {
        seed();
        LookupEventsResponse response = lookup(r -> {});
        assertThat(response.events()).extracting(Event::eventName).containsExactly("DescribeLogGroups", "GetTrail",
                "CreateRegistry", "CreateSamplingRule", "CreateEventBus", "PutDashboard", "CreateLogGroup");
        assertThat(response.nextToken()).isNull();
        Event first = response.events().getLast();
        assertThat(first.eventSource()).isEqualTo("logs.amazonaws.com");
        assertThat(first.readOnly()).isEqualTo("false");
        assertThat(first.accessKeyId()).isEqualTo(ALICE.accessKeyId());
        assertThat(first.username()).isEqualTo("alice");
        assertThat(first.eventTime()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
        assertThat(first.resources()).containsExactly(
                Resource.builder().resourceType("AWS::Logs::LogGroup").resourceName("app").build());
        var record = new ObjectMapper().readTree(first.cloudTrailEvent());
        assertThat(record.get("eventID").asText()).isEqualTo(first.eventId());
        assertThat(record.get("eventName").asText()).isEqualTo("CreateLogGroup");
        assertThat(response.events().getFirst().resources()).isEmpty();
    }

    @Test
    void everyLookupAttributeFilters() {
        seed();
        String eventId = lookup(r -> {}).events().get(3).eventId();
        assertThat(names(attribute("EventId", eventId))).containsExactly("CreateSamplingRule");
        assertThat(names(attribute("EventName", "PutDashboard"))).containsExactly("PutDashboard");
        assertThat(names(attribute("ReadOnly", "true"))).containsExactly("DescribeLogGroups", "GetTrail");
        assertThat(names(attribute("ReadOnly", "false"))).hasSize(5);
        assertThat(names(attribute("Username", "bob")))
                .containsExactly("CreateRegistry", "CreateEventBus", "PutDashboard");
        assertThat(names(attribute("AccessKeyId", ALICE.accessKeyId())))
                .containsExactly("DescribeLogGroups", "GetTrail", "CreateSamplingRule", "CreateLogGroup");
        assertThat(names(attribute("EventSource", "monitoring.amazonaws.com"))).containsExactly("PutDashboard");
        assertThat(names(attribute("ResourceType", "AWS::CloudWatch::Dashboard"))).containsExactly("PutDashboard");
        assertThat(names(attribute("ResourceType", "AWS::Events::EventBus"))).containsExactly("CreateEventBus");
        assertThat(names(attribute("ResourceType", "AWS::XRay::SamplingRule")))
                .containsExactly("CreateSamplingRule");
        assertThat(names(attribute("ResourceType", "AWS::EventSchemas::Registry"))).containsExactly("CreateRegistry");
        assertThat(names(attribute("ResourceType", "AWS::CloudTrail::Trail"))).containsExactly("GetTrail");
        assertThat(names(attribute("ResourceName", "app"))).containsExactly("CreateLogGroup");
        assertThat(names(attribute("ResourceName", "main"))).containsExactly("GetTrail");
        assertThat(names(attribute("EventName", "putdashboard"))).isEmpty(); // case-sensitive
    }

    @Test
    void dataEventsAreNeverReturned() {
        seed();
        assertThat(names(attribute("EventName", "PutMetricData"))).isEmpty();
    }

    @Test
    void onlyTheCallersAccountAndRegion() {
        seed();
        assertThat(lookup(ALICE, "eu-west-1", r -> {}).events()).isEmpty();
        Principal stranger = new Principal("AKIAOTHER", "999999999999", "alice");
        assertThat(lookup(stranger, REGION, r -> {}).events()).isEmpty();
    }

    @Test
    void timeRangeIsInclusiveAtBothEnds() {
        seed(); // CreateLogGroup at 05:06:07, PutDashboard at :08, PutMetricData :09, CreateEventBus :10
        Instant t = Instant.parse("2025-03-04T05:06:08Z");
        assertThat(names(r -> r.startTime(t).endTime(t.plusSeconds(2)))).containsExactly("CreateEventBus",
                "PutDashboard");
        assertThat(names(r -> r.endTime(t))).containsExactly("PutDashboard", "CreateLogGroup");
        assertThat(names(r -> r.startTime(t.plusSeconds(6)))).containsExactly("DescribeLogGroups");
    }

    @Test
    void startAfterEndIsAnInvalidTimeRange() {
        Instant t = Instant.parse("2025-03-04T05:06:08Z");
        assertAwsError(() -> lookup(r -> r.startTime(t.plusSeconds(1)).endTime(t)), AwsError.TRAIL_INVALID_TIME_RANGE);
    }

    @Test
    void paginatesWithMaxResultsAndNextToken() {
        for (int i = 0; i < 120; i++) {
            fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"g" + i + "\"}", "{}");
            if (i % 7 == 0) {
                fixture.clock.advance(Duration.ofHours(7)); // several events share a second; ~5 days in all
            }
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            LookupEventsResponse page = lookup(r -> r.nextToken(next));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(50);
            page.events().forEach(e -> seen.add(e.resources().getFirst().resourceName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 119; i >= 0; i--) {
            expected.add("g" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(lookup(r -> r.maxResults(7)).events()).hasSize(7);
    }

    @Test
    void maxResultsOutsideOneToFiftyIsRefused() {
        assertAwsError(() -> lookup(r -> r.maxResults(0)), AwsError.TRAIL_INVALID_MAX_RESULTS);
        assertAwsError(() -> lookup(r -> r.maxResults(51)), AwsError.TRAIL_INVALID_MAX_RESULTS);
    }

    @Test
    void tokensAreBoundToTheirParameters() {
        for (int i = 0; i < 3; i++) {
            call(ALICE, "logs.amazonaws.com", "CreateLogGroup", false, "{}");
        }
        String token = lookup(r -> r.maxResults(1)).nextToken();
        assertThat(token).isNotNull();
        assertThat(lookup(r -> r.maxResults(1).nextToken(token)).events()).hasSize(1);
        assertAwsError(() -> lookup(r -> attribute("EventName", "CreateLogGroup").accept(r.nextToken(token))),
                AwsError.TRAIL_INVALID_NEXT_TOKEN);
        assertAwsError(() -> lookup(r -> r.nextToken("garbage")), AwsError.TRAIL_INVALID_NEXT_TOKEN);
    }

    @Test
    void onlyNinetyDaysOfHistory() {
        call(ALICE, "logs.amazonaws.com", "DeleteLogGroup", false, "{}");
        fixture.clock.advance(Duration.ofDays(45));
        call(ALICE, "logs.amazonaws.com", "CreateLogGroup", false, "{}");
        fixture.clock.advance(Duration.ofDays(46));
        assertThat(names(r -> {})).containsExactly("CreateLogGroup");
        assertThat(names(r -> r.startTime(RecorderFixture.START.minus(Duration.ofDays(1)))))
                .containsExactly("CreateLogGroup");
    }

    @Test
    void eventsSurviveARestart() throws Exception {
        seed();
        fixture.restart();
        service = new LookupEventsService(fixture.recorder(), fixture.clock,
                new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
        assertThat(names(r -> {})).hasSize(7);
    }

    @Test
    void lookupAttributeErrors() {
        assertAwsError(() -> lookup(r -> r.lookupAttributes(
                        LookupAttribute.builder().attributeKey("EventName").attributeValue("a").build(),
                        LookupAttribute.builder().attributeKey("Username").attributeValue("b").build())),
                AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertAwsError(() -> lookup(attribute("Color", "red")), AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertAwsError(() -> lookup(attribute("EventName", "")), AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertAwsError(() -> lookup(attribute("EventName", null)), AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertAwsError(() -> lookup(r -> r.lookupAttributes(LookupAttribute.builder().attributeValue("x").build())),
                AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertAwsError(() -> lookup(attribute("EventName", "_".repeat(1001))), AwsError.TRAIL_INVALID_LOOKUP_ATTRIBUTES);
        assertThat(lookup(attribute("EventName", "_".repeat(1000))).events()).isEmpty();
    }

    @Test
    void insightCategoryAnswersNoEventsAndOtherCategoriesAreRefused() {
        seed();
        LookupEventsResponse insights = lookup(r -> r.eventCategory("insight"));
        assertThat(insights.events()).isEmpty();
        assertThat(insights.nextToken()).isNull();
        assertAwsError(() -> lookup(r -> r.eventCategory("management")), AwsError.TRAIL_INVALID_EVENT_CATEGORY);
    }

    @Test
    void registersUnderTheCloudTrailPrefix() {
        assertThat(service.endpointPrefix()).isEqualTo("cloudtrail");
        assertThat(service.handlers().find(LookupEventsRequest.class)).isPresent();
    }

    static void assertAwsError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AwsError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}
