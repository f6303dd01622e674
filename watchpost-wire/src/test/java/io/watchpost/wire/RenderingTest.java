package io.watchpost.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;

class RenderingTest {
    @Test
    void rendersLowerCamelMemberNamesAsCloudTrailDoes() {
        String json = Rendering.json(PutDashboardRequest.builder().dashboardName("ops").dashboardBody("{}").build())
                .orElseThrow();
        assertThat(json).isEqualTo("{\"dashboardName\":\"ops\",\"dashboardBody\":\"{}\"}");
    }

    @Test
    void rendersNothingForEmptyShapes() {
        assertThat(Rendering.json(PutDashboardResponse.builder().build())).contains("{}");
        assertThat(Rendering.json(null)).isEmpty();
    }
}
