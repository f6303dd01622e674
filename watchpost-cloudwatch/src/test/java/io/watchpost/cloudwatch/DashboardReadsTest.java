package io.watchpost.cloudwatch;

import static io.watchpost.cloudwatch.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;

class DashboardReadsTest {
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

    private void put(String name, String body) {
        harness.call(PutDashboardRequest.builder().dashboardName(name).dashboardBody(body).build());
    }

    private ListDashboardsResponse list(ListDashboardsRequest.Builder request) {
        return harness.call(request.build());
    }

    private List<String> names(ListDashboardsResponse response) {
        return response.dashboardEntries().stream().map(DashboardEntry::dashboardName).toList();
    }

    @Test
    void answersNotFoundWithTheName() {
        assertAwsError(() -> harness.call(GetDashboardRequest.builder().dashboardName("nope").build()),
                AwsError.CW_RESOURCE_NOT_FOUND, "Dashboard nope does not exist");
        assertAwsError(() -> harness.call(GetDashboardRequest.builder().build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value null at 'dashboardName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void dashboardsAreGlobalToTheAccountButNotShared() {
        put("global", PutDashboardTest.BODY);
        GetDashboardResponse fromEurope = harness.call(Harness.context(Harness.ACCOUNT, "eu-west-1"),
                GetDashboardRequest.builder().dashboardName("global").build());
        assertThat(fromEurope.dashboardArn()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/global");

        assertAwsError(() -> harness.call(Harness.context("111111111111", Harness.REGION),
                        GetDashboardRequest.builder().dashboardName("global").build()),
                AwsError.CW_RESOURCE_NOT_FOUND, "Dashboard global does not exist");
        ListDashboardsResponse otherPartition = harness.call(Harness.context(Harness.ACCOUNT, "cn-north-1"),
                ListDashboardsRequest.builder().build());
        assertThat(otherPartition.dashboardEntries()).isEmpty();
    }

    @Test
    void listsInNameOrderWithSizesAndArns() {
        put("b", "{\"widgets\":[],\"start\":\"-PT1H\"}");
        put("a-1", "{\"widgets\":[],\"start\":\"é\"}");
        put("A", "{\"widgets\":[]}");

        ListDashboardsResponse response = list(ListDashboardsRequest.builder());
        assertThat(names(response)).containsExactly("A", "a-1", "b");
        DashboardEntry accented = response.dashboardEntries().get(1);
        assertThat(accented.size()).isEqualTo(27L); // 26 characters, "é" takes two bytes
        assertThat(accented.dashboardArn()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/a-1");
        assertThat(accented.lastModified()).isEqualTo(Harness.START);
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void filtersByPrefix() {
        for (String name : List.of("prod-api", "prod-db", "dev-api", "prod")) {
            put(name, "{\"widgets\":[]}");
        }
        assertThat(names(list(ListDashboardsRequest.builder().dashboardNamePrefix("prod"))))
                .containsExactly("prod", "prod-api", "prod-db");
        assertThat(names(list(ListDashboardsRequest.builder().dashboardNamePrefix("qa")))).isEmpty();
    }

    @Test
    void pagesAThousandAtATime() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            String name = String.format("d%04d", i);
            put(name, "{\"widgets\":[]}");
            expected.add(name);
        }
        ListDashboardsResponse first = list(ListDashboardsRequest.builder());
        assertThat(first.dashboardEntries()).hasSize(1000);
        assertThat(first.nextToken()).isNotNull();
        ListDashboardsResponse second = list(ListDashboardsRequest.builder().nextToken(first.nextToken()));
        assertThat(second.nextToken()).isNull();

        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(second));
        assertThat(all).isEqualTo(expected);
    }

    @Test
    void refusesATamperedToken() {
        for (int i = 0; i < 1001; i++) {
            put("d" + i, "{\"widgets\":[]}");
        }
        String token = list(ListDashboardsRequest.builder()).nextToken();
        String tampered = (token.startsWith("A") ? "B" : "A") + token.substring(1);
        assertAwsError(() -> list(ListDashboardsRequest.builder().nextToken(tampered)),
                AwsError.CW_INVALID_PARAMETER_VALUE, "Invalid NextToken.");
    }

    @Test
    void survivesARestart() throws Exception {
        put("kept", PutDashboardTest.BODY);
        harness.reopen();
        GetDashboardResponse dashboard = harness.call(GetDashboardRequest.builder().dashboardName("kept").build());
        assertThat(dashboard.dashboardBody()).isEqualTo(PutDashboardTest.BODY);
    }
}
