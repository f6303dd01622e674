package io.watchpost.cloudtrail;

import static io.watchpost.cloudtrail.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;

/** What an account without trails sees. */
class EmptyAccountTest {
    private static final String CHARACTERS = "Trail name or ARN can only contain uppercase letters, lowercase letters, "
            + "numbers, periods (.), hyphens (-), and underscores (_).";

    @TempDir
    Path dir;

    private Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private void getTrail(String name) {
        harness.call(GetTrailRequest.builder().name(name).build());
    }

    private void getStatus(String name) {
        harness.call(GetTrailStatusRequest.builder().name(name).build());
    }

    @Test
    void describesAndListsNothing() {
        DescribeTrailsResponse described = harness.call(DescribeTrailsRequest.builder().build());
        assertThat(described.hasTrailList()).isTrue();
        assertThat(described.trailList()).isEmpty();

        DescribeTrailsResponse named = harness.call(DescribeTrailsRequest.builder()
                .trailNameList("missing", "arn:aws:cloudtrail:eu-west-1:000000000000:trail/gone")
                .includeShadowTrails(false).build());
        assertThat(named.trailList()).isEmpty();

        ListTrailsResponse listed = harness.call(ListTrailsRequest.builder().build());
        assertThat(listed.hasTrails()).isTrue();
        assertThat(listed.trails()).isEmpty();
        assertThat(listed.nextToken()).isNull();
    }

    @Test
    void getTrailEchoesTheNameOrArnGiven() {
        assertAwsError(() -> getTrail("management-events"), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: management-events for the user: 000000000000");
        assertAwsError(() -> getTrail("arn:aws:cloudtrail:eu-west-1:000000000000:trail/elsewhere"),
                AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: arn:aws:cloudtrail:eu-west-1:000000000000:trail/elsewhere for the user: 000000000000");
    }

    @Test
    void getTrailStatusNamesTheTrailByArn() {
        assertAwsError(() -> getStatus("management-events"), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: arn:aws:cloudtrail:us-east-1:000000000000:trail/management-events "
                        + "for the user: 000000000000");
        assertAwsError(() -> harness.call(Harness.context("123456789012", "cn-north-1"),
                        GetTrailStatusRequest.builder().name("t1").build()), AwsError.TRAIL_INVALID_NAME,
                "Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.");
        assertAwsError(() -> harness.call(Harness.context("123456789012", "cn-north-1"),
                        GetTrailStatusRequest.builder().name("trail1").build()), AwsError.TRAIL_NOT_FOUND,
                "Unknown trail: arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/trail1 for the user: 123456789012");
    }

    @Test
    void refusesNamesThatCannotBeTrails() {
        assertAwsError(() -> getTrail(null), AwsError.TRAIL_INVALID_NAME,
                "Trail name too short. Minimum allowed length: 3 characters. Specified name length: 0 characters.");
        assertAwsError(() -> getTrail("ab"), AwsError.TRAIL_INVALID_NAME,
                "Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.");
        assertAwsError(() -> getStatus("t".repeat(129)), AwsError.TRAIL_INVALID_NAME,
                "Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.");
        assertAwsError(() -> getTrail("-trail"), AwsError.TRAIL_INVALID_NAME,
                "Trail name must starts with a letter or number.");
        assertAwsError(() -> getTrail("trail_"), AwsError.TRAIL_INVALID_NAME,
                "Trail name must ends with a letter or number.");
        assertAwsError(() -> getTrail("my trail"), AwsError.TRAIL_INVALID_NAME, CHARACTERS);
        assertAwsError(() -> getStatus("arn:aws:s3:::bucket"), AwsError.TRAIL_INVALID_NAME, CHARACTERS);
        assertAwsError(() -> harness.call(DescribeTrailsRequest.builder().trailNameList("fine", "no way").build()),
                AwsError.TRAIL_INVALID_NAME, CHARACTERS);
    }

    @Test
    void refusesATokenItDidNotIssue() {
        assertAwsError(() -> harness.call(ListTrailsRequest.builder().nextToken("AQBhYmM").build()),
                AwsError.TRAIL_INVALID_NEXT_TOKEN, "Invalid NextToken");
    }
}
