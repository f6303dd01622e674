package io.watchpost.cloudwatch;

import static io.watchpost.cloudwatch.Harness.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;

class PutDashboardTest {
    static final String BODY = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,"
            + "\"properties\":{\"markdown\":\"Hello\"}}]}";

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

    private PutDashboardResponse put(String name, String body) {
        return harness.call(PutDashboardRequest.builder().dashboardName(name).dashboardBody(body).build());
    }

    @Test
    void storesTheBodyAsGivenWithAGlobalArn() {
        PutDashboardResponse response = put("ops", BODY);
        assertThat(response.hasDashboardValidationMessages()).isTrue();
        assertThat(response.dashboardValidationMessages()).isEmpty();

        GetDashboardResponse dashboard = harness.call(GetDashboardRequest.builder().dashboardName("ops").build());
        assertThat(dashboard.dashboardName()).isEqualTo("ops");
        assertThat(dashboard.dashboardBody()).isEqualTo(BODY);
        assertThat(dashboard.dashboardArn()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/ops");
    }

    @Test
    void replacesTheBodyOnUpdate() {
        put("ops", BODY);
        harness.clock.advance(Duration.ofMinutes(5));
        put("ops", "{\"widgets\":[]}");

        ListDashboardsResponse list = harness.call(ListDashboardsRequest.builder().build());
        assertThat(list.dashboardEntries()).hasSize(1);
        assertThat(list.dashboardEntries().getFirst().lastModified())
                .isEqualTo(Harness.START.plus(Duration.ofMinutes(5)));
        assertThat(list.dashboardEntries().getFirst().size()).isEqualTo(14L);
    }

    @Test
    void returnsWarningsForMembersAWidgetDoesNotHave() {
        PutDashboardResponse response = put("warn", "{\"widgets\":[{\"type\":\"text\",\"properties\":{},"
                + "\"colour\":\"red\"},{\"type\":\"metric\",\"title\":\"t\"}]}");
        assertThat(response.dashboardValidationMessages()).containsExactly(
                DashboardValidationMessage.builder().dataPath("/widgets/0")
                        .message("The \"colour\" property is not expected to be part of a widget definition, "
                                + "will be ignored").build(),
                DashboardValidationMessage.builder().dataPath("/widgets/1")
                        .message("The \"title\" property is not expected to be part of a widget definition, "
                                + "will be ignored").build());
        assertThat(((GetDashboardResponse) harness.call(GetDashboardRequest.builder().dashboardName("warn").build()))
                .dashboardBody()).contains("colour");
    }

    @Test
    void refusesBodiesThatAreNotJsonObjects() {
        for (String body : List.of("", "not json", "[]", "\"text\"", "{\"widgets\":[]} trailing", "{\"widgets\":[}",
                "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}")) {
            assertThatThrownBy(() -> put("bad", body)).isInstanceOfSatisfying(AwsException.class, e -> {
                assertThat(e.error()).isEqualTo(AwsError.CW_INVALID_PARAMETER_INPUT);
                assertThat(e.getMessage()).isEqualTo("The field DashboardBody must be a valid JSON object");
                assertThat(e.fields()).isEqualTo(Map.of("DashboardValidationMessages", List.of(Map.of(
                        "DataPath", "", "Message", "The field DashboardBody must be a valid JSON object"))));
            });
        }
    }

    @Test
    void refusesAnOversizedBodyBeforeParsing() {
        String huge = "{\"widgets\":[],\"pad\":\"" + "x".repeat(DashboardBodyValidator.MAX_BODY_CHARS) + "\"}";
        assertAwsError(() -> put("big", huge), AwsError.CW_INVALID_PARAMETER_INPUT,
                "The dashboard body must be at most 1048576 characters long.");
    }

    @Test
    void requiresTheWidgetsArray() {
        assertThatThrownBy(() -> put("bad", "{\"start\":\"-PT6H\"}")).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.error()).isEqualTo(AwsError.CW_INVALID_PARAMETER_INPUT);
            assertThat(e.getMessage()).isEqualTo("""
                    The dashboard body is invalid, there are 1 validation errors:
                    [
                      {
                        "dataPath": "",
                        "message": "Should have required property 'widgets'"
                      }
                    ]""");
            assertThat(e.fields()).isEqualTo(Map.of("DashboardValidationMessages", List.of(
                    Map.of("DataPath", "", "Message", "Should have required property 'widgets'"))));
        });
        assertAwsError(() -> put("bad", "{\"widgets\":{}}"), AwsError.CW_INVALID_PARAMETER_INPUT, """
                The dashboard body is invalid, there are 1 validation errors:
                [
                  {
                    "dataPath": "/widgets",
                    "message": "Should be array"
                  }
                ]""");
    }

    @Test
    void listsEveryWidgetError() {
        String body = "{\"widgets\":[7,{\"x\":\"a\",\"width\":25,\"height\":0,\"properties\":[]},"
                + "{\"type\":1,\"x\":24,\"y\":-1,\"height\":1.5}]}";
        assertThatThrownBy(() -> put("bad", body)).isInstanceOfSatisfying(AwsException.class, e -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) e.fields().get("DashboardValidationMessages");
            assertThat(messages).containsExactly(
                    Map.of("DataPath", "/widgets/0", "Message", "Should be object"),
                    Map.of("DataPath", "/widgets/1", "Message", "Should have required property 'type'"),
                    Map.of("DataPath", "/widgets/1/x", "Message", "Should be integer"),
                    Map.of("DataPath", "/widgets/1/width", "Message", "Should be <= 24"),
                    Map.of("DataPath", "/widgets/1/height", "Message", "Should be >= 1"),
                    Map.of("DataPath", "/widgets/1/properties", "Message", "Should be object"),
                    Map.of("DataPath", "/widgets/2/type", "Message", "Should be string"),
                    Map.of("DataPath", "/widgets/2/x", "Message", "Should be <= 23"),
                    Map.of("DataPath", "/widgets/2/y", "Message", "Should be >= 0"),
                    Map.of("DataPath", "/widgets/2/height", "Message", "Should be integer"));
            assertThat(e.getMessage()).startsWith("The dashboard body is invalid, there are 10 validation errors:\n[\n"
                    + "  {\n    \"dataPath\": \"/widgets/0\",\n    \"message\": \"Should be object\"\n  },\n  {\n");
        });
        assertThat(((ListDashboardsResponse) harness.call(ListDashboardsRequest.builder().build()))
                .dashboardEntries()).isEmpty();
    }

    @Test
    void limitsTheWidgetCount() {
        String widgets = String.join(",", java.util.Collections.nCopies(501, "{\"type\":\"text\",\"properties\":{}}"));
        assertAwsError(() -> put("many", "{\"widgets\":[" + widgets + "]}"), AwsError.CW_INVALID_PARAMETER_INPUT, """
                The dashboard body is invalid, there are 1 validation errors:
                [
                  {
                    "dataPath": "/widgets",
                    "message": "Should NOT have more than 500 items"
                  }
                ]""");
        put("enough", "{\"widgets\":[" + widgets.substring(widgets.indexOf("},") + 2) + "]}");
    }

    @Test
    void validatesTheName() {
        assertAwsError(() -> harness.call(PutDashboardRequest.builder().build()), AwsError.CW_VALIDATION_ERROR,
                "2 validation errors detected: Value null at 'dashboardName' failed to satisfy constraint: Member "
                        + "must not be null; Value null at 'dashboardBody' failed to satisfy constraint: Member must "
                        + "not be null");
        String invalidCharacters = "The value for field DashboardName contains invalid characters. "
                + "It can only contain alphanumerics, dash (-) and underscore (_).\n";
        for (String name : List.of("has space", "dot.ted", "", "slash/")) {
            assertAwsError(() -> put(name, BODY), AwsError.CW_INVALID_PARAMETER_VALUE, invalidCharacters);
        }
        assertAwsError(() -> put("x".repeat(256), BODY), AwsError.CW_INVALID_PARAMETER_VALUE,
                "The value for field DashboardName must be at most 255 characters long.");
        put("x".repeat(255), BODY);
        put("Az09-_", BODY);
    }
}
