package io.watchpost.cloudwatch;

import static io.watchpost.cloudwatch.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.AwsError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;

class DeleteDashboardsTest {
    @TempDir
    Path dir;

    private Harness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(dir);
        for (String name : List.of("one", "two", "three")) {
            harness.call(PutDashboardRequest.builder().dashboardName(name).dashboardBody("{\"widgets\":[]}").build());
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private List<String> names() {
        ListDashboardsResponse response = harness.call(ListDashboardsRequest.builder().build());
        return response.dashboardEntries().stream().map(DashboardEntry::dashboardName).toList();
    }

    private void delete(String... names) {
        harness.call(DeleteDashboardsRequest.builder().dashboardNames(names).build());
    }

    @Test
    void deletesEveryNamedDashboardDurably() throws Exception {
        delete("one", "three", "one");
        harness.reopen();
        assertThat(names()).containsExactly("two");
    }

    @Test
    void deletesNothingWhenAnyNameIsMissing() {
        assertAwsError(() -> delete("one", "ghost", "two", "phantom"), AwsError.CW_RESOURCE_NOT_FOUND,
                "The specified dashboard does not exist. [ghost, phantom]");
        assertThat(names()).containsExactly("one", "three", "two");
    }

    @Test
    void deletesFromAnyRegionOfTheAccountOnly() {
        harness.call(Harness.context(Harness.ACCOUNT, "ap-southeast-2"),
                DeleteDashboardsRequest.builder().dashboardNames("one").build());
        assertAwsError(() -> harness.call(Harness.context("111111111111", Harness.REGION),
                        DeleteDashboardsRequest.builder().dashboardNames("two").build()),
                AwsError.CW_RESOURCE_NOT_FOUND, "The specified dashboard does not exist. [two]");
        assertThat(names()).containsExactly("three", "two");
    }

    @Test
    void requiresTheNames() {
        assertAwsError(() -> harness.call(DeleteDashboardsRequest.builder().build()), AwsError.CW_VALIDATION_ERROR,
                "1 validation error detected: Value null at 'dashboardNames' failed to satisfy constraint: "
                        + "Member must not be null");
    }
}
