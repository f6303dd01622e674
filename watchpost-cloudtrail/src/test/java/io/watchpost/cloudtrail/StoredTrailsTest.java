package io.watchpost.cloudtrail;

import static io.watchpost.cloudtrail.Harness.assertAwsError;
import static io.watchpost.cloudtrail.Harness.trail;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import io.watchpost.core.RequestContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/** Reads over trails stored in the {@code trails} table (seeded directly until CreateTrail lands). */
class StoredTrailsTest {
    private static final String ACCOUNT = Harness.ACCOUNT;
    private static final RequestContext VIRGINIA = Harness.context(ACCOUNT, "us-east-1");
    private static final RequestContext IRELAND = Harness.context(ACCOUNT, "eu-west-1");

    @TempDir
    Path dir;

    private Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(dir);
        harness.seed(trail(ACCOUNT, "us-east-1", "main", false));
        harness.seed(trail(ACCOUNT, "us-east-1", "everywhere", true));
        harness.seed(trail(ACCOUNT, "eu-west-1", "local", false));
        harness.seed(trail("111111111111", "us-east-1", "theirs", true));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private List<String> described(RequestContext context, DescribeTrailsRequest.Builder request) {
        DescribeTrailsResponse response = harness.call(context, request.build());
        return response.trailList().stream().map(Trail::name).toList();
    }

    @Test
    void describesHomeTrailsAndShadowsOfMultiRegionTrails() {
        assertThat(described(VIRGINIA, DescribeTrailsRequest.builder())).containsExactly("everywhere", "main");
        assertThat(described(IRELAND, DescribeTrailsRequest.builder())).containsExactly("local", "everywhere");
        assertThat(described(IRELAND, DescribeTrailsRequest.builder().includeShadowTrails(false)))
                .containsExactly("local");
    }

    @Test
    void describesNamedTrailsByNameInTheRegionOrByArnAnywhere() {
        assertThat(described(IRELAND, DescribeTrailsRequest.builder().trailNameList("everywhere", "local",
                "arn:aws:cloudtrail:us-east-1:000000000000:trail/everywhere",
                "arn:aws:cloudtrail:us-east-1:000000000000:trail/main",
                "arn:aws:cloudtrail:us-east-1:111111111111:trail/theirs"))).containsExactly("local", "everywhere");
    }

    @Test
    void getsATrailWithEveryField() {
        GetTrailResponse response = harness.call(VIRGINIA, GetTrailRequest.builder().name("everywhere").build());
        Trail trail = response.trail();
        assertThat(trail.name()).isEqualTo("everywhere");
        assertThat(trail.trailARN()).isEqualTo("arn:aws:cloudtrail:us-east-1:000000000000:trail/everywhere");
        assertThat(trail.homeRegion()).isEqualTo("us-east-1");
        assertThat(trail.s3BucketName()).isEqualTo("bucket-everywhere");
        assertThat(trail.isMultiRegionTrail()).isTrue();
        assertThat(trail.includeGlobalServiceEvents()).isTrue();
        assertThat(trail.isOrganizationTrail()).isFalse();

        GetTrailResponse shadow = harness.call(IRELAND, GetTrailRequest.builder()
                .name("arn:aws:cloudtrail:us-east-1:000000000000:trail/everywhere").build());
        assertThat(shadow.trail().homeRegion()).isEqualTo("us-east-1");
        assertAwsError(() -> harness.call(IRELAND, GetTrailRequest.builder().name("everywhere").build()),
                AwsError.TRAIL_NOT_FOUND, "Unknown trail: everywhere for the user: 000000000000");
        assertAwsError(() -> harness.call(IRELAND, GetTrailRequest.builder()
                        .name("arn:aws:cloudtrail:us-east-1:000000000000:trail/main").build()),
                AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: arn:aws:cloudtrail:us-east-1:000000000000:trail/main for the user: 000000000000");
    }

    @Test
    void doesNotShowAnotherAccountsTrail() {
        assertAwsError(() -> harness.call(VIRGINIA, GetTrailRequest.builder()
                        .name("arn:aws:cloudtrail:us-east-1:111111111111:trail/theirs").build()),
                AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: arn:aws:cloudtrail:us-east-1:111111111111:trail/theirs for the user: 000000000000");
        ListTrailsResponse theirs = harness.call(Harness.context("111111111111", "ap-south-1"),
                ListTrailsRequest.builder().build());
        assertThat(theirs.trails()).extracting(TrailInfo::name).containsExactly("theirs");
    }

    @Test
    void reportsLoggingStatus() {
        long started = Instant.parse("2025-03-04T05:06:07.890Z").toEpochMilli();
        harness.seed(new TrailRecord("logging", ACCOUNT, "us-east-1", "b", null, "topic", true, false, true, null,
                null, null, false, false, false, true, started, null));

        GetTrailStatusResponse status = harness.call(VIRGINIA, GetTrailStatusRequest.builder().name("logging").build());
        assertThat(status.isLogging()).isTrue();
        assertThat(status.startLoggingTime()).isEqualTo(Instant.ofEpochMilli(started));
        assertThat(status.timeLoggingStarted()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(status.timeLoggingStopped()).isEmpty();
        assertThat(status.stopLoggingTime()).isNull();
        assertThat(status.latestDeliveryTime()).isNull();

        GetTrailStatusResponse idle = harness.call(VIRGINIA, GetTrailStatusRequest.builder().name("main").build());
        assertThat(idle.isLogging()).isFalse();
        assertThat(idle.timeLoggingStarted()).isEmpty();
        Trail withTopic = ((GetTrailResponse) harness.call(VIRGINIA, GetTrailRequest.builder().name("logging").build()))
                .trail();
        assertThat(withTopic.snsTopicARN()).isEqualTo("arn:aws:sns:us-east-1:000000000000:topic");
    }

    @Test
    void listsEveryTrailOfTheAccountInPages() {
        for (int i = 0; i < 60; i++) {
            harness.seed(trail(ACCOUNT, "ap-northeast-1", String.format("bulk%02d", i), false));
        }
        List<TrailInfo> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListTrailsResponse page = harness.call(IRELAND, ListTrailsRequest.builder().nextToken(token).build());
            all.addAll(page.trails());
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(all).hasSize(63);
        assertThat(all.getFirst()).isEqualTo(TrailInfo.builder().name("bulk00").homeRegion("ap-northeast-1")
                .trailARN("arn:aws:cloudtrail:ap-northeast-1:000000000000:trail/bulk00").build());
        assertThat(all.subList(60, 63)).extracting(TrailInfo::name).containsExactly("local", "everywhere", "main");
    }

    @Test
    void refusesATamperedToken() {
        for (int i = 0; i < 60; i++) {
            harness.seed(trail(ACCOUNT, "ap-northeast-1", String.format("bulk%02d", i), false));
        }
        String token = ((ListTrailsResponse) harness.call(ListTrailsRequest.builder().build())).nextToken();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'x' ? 'y' : 'x') + token.substring(6);
        assertAwsError(() -> harness.call(ListTrailsRequest.builder().nextToken(tampered).build()),
                AwsError.TRAIL_INVALID_NEXT_TOKEN, "Invalid NextToken");
    }

    @Test
    void trailsSurviveARestart() throws Exception {
        harness.reopen();
        assertThat(described(VIRGINIA, DescribeTrailsRequest.builder())).containsExactly("everywhere", "main");
    }
}
