package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;

/**
 * CloudWatch in all three of its protocols — awsQuery (the SDK v2 client), JSON 1.0 and RPC v2 CBOR — on the
 * same dashboards, so each protocol sees what the others wrote.
 */
class CloudWatchProtocolsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final String BODY = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,"
            + "\"properties\":{\"markdown\":\"hi\"}}]}";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static CloudWatchClient cloudWatch;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        cloudWatch = server.client(CloudWatchClient.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        cloudWatch.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.watchpost().reset();
    }

    private static HttpResponse<byte[]> json(String operation, ObjectNode input) throws Exception {
        return RawHttp.post(server.endpoint(), "/", JSON.writeValueAsBytes(input),
                "X-Amz-Target", "GraniteServiceVersion20100801." + operation,
                "Content-Type", "application/x-amz-json-1.0");
    }

    private static HttpResponse<byte[]> cbor(String operation, ObjectNode input) throws Exception {
        return RawHttp.post(server.endpoint(), "/service/GraniteServiceVersion20100801/operation/" + operation,
                CBOR.writeValueAsBytes(input), "smithy-protocol", "rpc-v2-cbor",
                "Content-Type", "application/cbor", "Accept", "application/cbor");
    }

    @Test
    void queryWritesAndJsonAndCborRead() throws Exception {
        cloudWatch.putDashboard(r -> r.dashboardName("ops").dashboardBody(BODY));

        HttpResponse<byte[]> json = json("GetDashboard", JSON.createObjectNode().put("DashboardName", "ops"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        JsonNode dashboard = JSON.readTree(json.body());
        assertThat(dashboard.path("DashboardName").asText()).isEqualTo("ops");
        assertThat(dashboard.path("DashboardArn").asText()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/ops");
        assertThat(JSON.readTree(dashboard.path("DashboardBody").asText())).isEqualTo(JSON.readTree(BODY));

        HttpResponse<byte[]> cbor = cbor("ListDashboards", JSON.createObjectNode());
        assertThat(cbor.statusCode()).isEqualTo(200);
        assertThat(cbor.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        JsonNode list = CBOR.readTree(cbor.body());
        assertThat(list.at("/DashboardEntries/0/DashboardName").asText()).isEqualTo("ops");
        assertThat(list.at("/DashboardEntries/0/Size").asLong()).isEqualTo(BODY.length());
        assertThat(list.at("/DashboardEntries/0/LastModified").isNumber()).isTrue();
    }

    @Test
    void jsonAndCborWriteAndQueryReads() throws Exception {
        assertThat(json("PutDashboard", JSON.createObjectNode().put("DashboardName", "from-json")
                .put("DashboardBody", BODY)).statusCode()).isEqualTo(200);
        assertThat(cbor("PutDashboard", JSON.createObjectNode().put("DashboardName", "from-cbor")
                .put("DashboardBody", BODY)).statusCode()).isEqualTo(200);
        assertThat(cloudWatch.listDashboards().dashboardEntries()).extracting(DashboardEntry::dashboardName)
                .containsExactly("from-cbor", "from-json");
        assertThat(cloudWatch.getDashboard(r -> r.dashboardName("from-cbor")).dashboardBody()).isEqualTo(BODY);
    }

    @Test
    void errorsInEachProtocol() throws Exception {
        assertThatThrownBy(() -> cloudWatch.getDashboard(r -> r.dashboardName("missing")))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.requestId()).isNotBlank();
                });

        HttpResponse<byte[]> json = json("GetDashboard", JSON.createObjectNode().put("DashboardName", "missing"));
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("x-amzn-query-error")).contains("ResourceNotFound;Sender");
        assertThat(JSON.readTree(json.body()).path("message").asText()).isNotBlank();

        HttpResponse<byte[]> cbor = cbor("GetDashboard", JSON.createObjectNode().put("DashboardName", "missing"));
        assertThat(cbor.statusCode()).isEqualTo(404);
        assertThat(cbor.headers().firstValue("x-amzn-query-error")).contains("ResourceNotFound;Sender");
        assertThat(CBOR.readTree(cbor.body()).path("__type").asText()).isNotBlank();

        HttpResponse<byte[]> invalid = json("PutDashboard", JSON.createObjectNode().put("DashboardName", "bad")
                .put("DashboardBody", "not json"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("x-amzn-query-error")).contains("InvalidParameterInput;Sender");
    }

    @Test
    void gzippedQueryBodiesAreAccepted() throws Exception {
        String form = "Action=PutDashboard&Version=2010-08-01&DashboardName=gz&DashboardBody="
                + java.net.URLEncoder.encode(BODY, UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(form.getBytes(UTF_8));
        }
        HttpResponse<byte[]> response = RawHttp.post(server.endpoint(), "/", bytes.toByteArray(),
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "Content-Encoding", "gzip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), UTF_8)).startsWith("<?xml")
                .contains("<PutDashboardResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
                .contains("<RequestId>");
        assertThat(cloudWatch.getDashboard(r -> r.dashboardName("gz")).dashboardName()).isEqualTo("gz");
    }
}
