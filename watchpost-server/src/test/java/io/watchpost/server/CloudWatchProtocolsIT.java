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
 * CloudWatch in all three of its protocols — awsQuery (form requests, XML answers), JSON 1.0 and RPC v2 CBOR (what
 * the SDK v2 client and the aws CLI speak since SDK 2.5x / botocore 1.4x) — on the same dashboards, so each protocol
 * sees what the others wrote. {@code CloudWatchBoto3ProtocolsIT} drives each protocol with boto3 as a client.
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

    private static HttpResponse<byte[]> query(String form) throws Exception {
        return RawHttp.post(server.endpoint(), "/", form.getBytes(UTF_8),
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    }

    @Test
    void queryWritesAndJsonAndCborRead() throws Exception {
        HttpResponse<byte[]> put = query("Action=PutDashboard&Version=2010-08-01&DashboardName=ops&DashboardBody="
                + java.net.URLEncoder.encode(BODY, UTF_8));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(new String(put.body(), UTF_8)).contains("<PutDashboardResponse");

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

        HttpResponse<byte[]> query = query("Action=GetDashboard&Version=2010-08-01&DashboardName=from-json");
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(new String(query.body(), UTF_8))
                .contains("<GetDashboardResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
                .contains("<DashboardName>from-json</DashboardName>")
                .contains("<DashboardArn>arn:aws:cloudwatch::000000000000:dashboard/from-json</DashboardArn>");
        HttpResponse<byte[]> missing = query("Action=GetDashboard&Version=2010-08-01&DashboardName=missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), UTF_8)).contains("<Code>ResourceNotFound</Code>")
                .contains("<Type>Sender</Type>");
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
