package io.watchpost.xray.traces;

import static io.watchpost.xray.Fixture.assertAwsError;
import static io.watchpost.xray.Fixture.context;
import static io.watchpost.xray.traces.Segments.segment;
import static io.watchpost.xray.traces.Segments.traceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.RequestContext;
import io.watchpost.xray.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.xray.model.CreateGroupRequest;
import software.amazon.awssdk.services.xray.model.DeleteGroupRequest;
import software.amazon.awssdk.services.xray.model.GetGroupRequest;
import software.amazon.awssdk.services.xray.model.GetGroupsRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.Group;
import software.amazon.awssdk.services.xray.model.GroupSummary;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.Tag;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.UpdateGroupRequest;

class GroupsTest {
    private static final RequestContext CTX = context("xray", "Test");
    private static final Instant T0 = Fixture.START;
    private static final double S0 = Segments.seconds(T0);

    @TempDir
    Path directory;
    private Fixture fixture;
    private TraceService service;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new Fixture(directory);
        service = open();
    }

    private TraceService open() throws IOException {
        return new TraceService(fixture.journal, directory, fixture.clock, new ClockScheduler(fixture.clock),
                Fixture.PAGE_TOKENS);
    }

    @AfterEach
    void tearDown() throws IOException {
        service.close();
        fixture.close();
    }

    private Group create(String name, String filter) {
        return service.groups().createGroup(CTX, CreateGroupRequest.builder().groupName(name)
                .filterExpression(filter).tags(Tag.builder().key("team").value("a").build()).build()).group();
    }

    @Test
    void defaultGroupExistsImplicitly() {
        List<GroupSummary> groups = service.groups().getGroups(CTX, GetGroupsRequest.builder().build()).groups();
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.groupName()).isEqualTo("Default");
            assertThat(g.groupARN()).isEqualTo("arn:aws:xray:us-east-1:000000000000:group/Default");
            assertThat(g.filterExpression()).isNull();
        });
        assertAwsError(() -> service.groups().deleteGroup(CTX, DeleteGroupRequest.builder().groupName("Default")
                .build()), AwsError.XRAY_INVALID_REQUEST, "Cannot delete the Default group");
        assertAwsError(() -> create("Default", null), AwsError.XRAY_INVALID_REQUEST, "Invalid group name: Default");
    }

    @Test
    void createGetUpdateDeleteSurviveRestart() throws IOException {
        Group created = create("slow", "responsetime > 2");
        assertThat(created.groupARN()).startsWith("arn:aws:xray:us-east-1:000000000000:group/slow/");
        assertThat(created.insightsConfiguration().insightsEnabled()).isFalse();
        assertAwsError(() -> create("slow", null), AwsError.XRAY_INVALID_REQUEST,
                "Group with name slow already exists");
        service.groups().updateGroup(CTX, UpdateGroupRequest.builder().groupARN(created.groupARN())
                .filterExpression("fault").insightsConfiguration(c -> c.insightsEnabled(true)).build());
        service.close();
        fixture.restart();
        service = open();
        Group read = service.groups().getGroup(CTX, GetGroupRequest.builder().groupName("slow").build()).group();
        assertThat(read.filterExpression()).isEqualTo("fault");
        assertThat(read.groupARN()).isEqualTo(created.groupARN());
        assertThat(read.insightsConfiguration().insightsEnabled()).isTrue();
        service.groups().deleteGroup(CTX, DeleteGroupRequest.builder().groupName("slow").build());
        assertAwsError(() -> service.groups().getGroup(CTX, GetGroupRequest.builder().groupName("slow").build()),
                AwsError.XRAY_INVALID_REQUEST, "Group not found");
    }

    @Test
    void validationErrors() {
        assertThatThrownBy(() -> create("bad", "responsetime >")).hasMessageStartingWith("Invalid filter expression");
        assertAwsError(() -> service.groups().getGroup(CTX, GetGroupRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST, "Either GroupName or GroupARN must be provided");
        assertAwsError(() -> service.groups().createGroup(CTX, CreateGroupRequest.builder()
                .insightsConfiguration(c -> c.notificationsEnabled(true)).groupName("n").build()),
                AwsError.XRAY_INVALID_REQUEST,
                "Notifications can only be enabled on a group with insights enabled");
        assertAwsError(() -> service.groups().createGroup(CTX, CreateGroupRequest.builder().build()),
                AwsError.XRAY_INVALID_REQUEST,
                "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void groupFiltersSelectTracesForGraphAndFilterExpressions() {
        put(1, "web", false);
        put(2, "api", true);
        create("faults", "fault");
        List<Service> graph = service.reads().getServiceGraph(CTX, GetServiceGraphRequest.builder()
                .startTime(T0.minusSeconds(60)).endTime(T0.plusSeconds(60)).groupName("faults").build()).services();
        assertThat(graph).extracting(Service::name).containsOnly("api");
        assertThat(summaries("group.name = \"faults\"")).containsExactly(traceId(T0, 2));
        assertThat(summaries("group.name = \"Default\"")).hasSize(2);
        assertThat(service.reads().getServiceGraph(CTX, GetServiceGraphRequest.builder()
                .startTime(T0.minusSeconds(60)).endTime(T0.plusSeconds(60)).groupName("Default").build())
                .services()).extracting(Service::name).contains("web", "api");
    }

    private List<String> summaries(String filter) {
        return service.reads().getTraceSummaries(CTX, GetTraceSummariesRequest.builder()
                .startTime(T0.minusSeconds(60)).endTime(T0.plusSeconds(60)).filterExpression(filter).build())
                .traceSummaries().stream().map(TraceSummary::id).toList();
    }

    private void put(int n, String name, boolean fault) {
        String doc = segment(traceId(T0, n), n, null, name, S0, S0 + 0.5, fault ? ",\"fault\":true" : "");
        assertThat(service.putTraceSegments(CTX, PutTraceSegmentsRequest.builder().traceSegmentDocuments(doc)
                .build()).unprocessedTraceSegments()).isEmpty();
    }
}
