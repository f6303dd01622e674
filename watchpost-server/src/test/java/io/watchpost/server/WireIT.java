package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol behaviour that every service shares, over raw HTTP: error formats, unknown operations, bad and
 * hostile bodies, gzip, and the admin endpoints. The server must answer each with the protocol's client error
 * and stay up.
 */
class WireIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final String JSON_11 = "application/x-amz-json-1.1";

    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<byte[]> json11(String target, byte[] body) throws Exception {
        return RawHttp.post(server.endpoint(), "/", body, "X-Amz-Target", target, "Content-Type", JSON_11);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void healthAnswersOkWithAVersion() throws Exception {
        HttpResponse<byte[]> response = RawHttp.send(server.endpoint(), "GET", "/_watchpost/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("ok");
        assertThat(json(response).path("version").asText()).isNotBlank();
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        for (String body : new String[] {"{not json", "[1,2]", "\"text\"", "{\"logGroupName\": {\"a\": 1}}"}) {
            HttpResponse<byte[]> response = json11("Logs_20140328.CreateLogGroup", body.getBytes(UTF_8));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("__type").asText()).as(body).isEqualTo("SerializationException");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }

    @Test
    void deepNestingIsRefusedBeforeParsingFurther() throws Exception {
        String bomb = "{\"tags\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        HttpResponse<byte[]> response = json11("Logs_20140328.CreateLogGroup", bomb.getBytes(UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void oversizedBodiesGet413AndTheServerStaysUp() throws Exception {
        byte[] huge = new byte[9 * 1024 * 1024];
        HttpResponse<byte[]> response = json11("Logs_20140328.CreateLogGroup", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("__type").asText()).isEqualTo("RequestEntityTooLarge");
        healthAnswersOkWithAVersion();
    }

    @Test
    void gzipBombsAreBounded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                gzip.write(zeros);
            }
        }
        HttpResponse<byte[]> response = RawHttp.post(server.endpoint(), "/", bytes.toByteArray(),
                "X-Amz-Target", "Logs_20140328.DescribeLogGroups", "Content-Type", JSON_11,
                "Content-Encoding", "gzip");
        assertThat(response.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> notGzip = RawHttp.post(server.endpoint(), "/", "{}".getBytes(UTF_8),
                "X-Amz-Target", "Logs_20140328.DescribeLogGroups", "Content-Type", JSON_11,
                "Content-Encoding", "gzip");
        assertThat(notGzip.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownOperationsGetEachProtocolsError() throws Exception {
        HttpResponse<byte[]> json = json11("Logs_20140328.NoSuchThing", "{}".getBytes(UTF_8));
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json(json).path("__type").asText()).isEqualTo("UnknownOperationException");

        HttpResponse<byte[]> query = RawHttp.post(server.endpoint(), "/",
                "Action=NoSuchThing&Version=2010-08-01".getBytes(UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(query.statusCode()).isEqualTo(400);
        String xml = new String(query.body(), UTF_8);
        assertThat(xml).contains("<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
                .contains("<Type>Sender</Type>").contains("<Code>InvalidAction</Code>").contains("<RequestId>");

        HttpResponse<byte[]> nowhere = RawHttp.send(server.endpoint(), "GET", "/no/such/path", null);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(json(nowhere).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void notImplementedOperationsNameThemselvesInEveryCloudWatchProtocol() throws Exception {
        HttpResponse<byte[]> query = RawHttp.post(server.endpoint(), "/",
                "Action=DescribeAnomalyDetectors&Version=2010-08-01".getBytes(UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(query.statusCode()).isEqualTo(501);
        assertThat(new String(query.body(), UTF_8)).contains("<Code>NotImplemented</Code>")
                .contains("DescribeAnomalyDetectors").contains("<Type>Receiver</Type>");

        HttpResponse<byte[]> json = RawHttp.post(server.endpoint(), "/", "{}".getBytes(UTF_8),
                "X-Amz-Target", "GraniteServiceVersion20100801.DescribeAnomalyDetectors",
                "Content-Type", "application/x-amz-json-1.0");
        assertThat(json.statusCode()).isEqualTo(501);
        assertThat(json(json).path("__type").asText()).isEqualTo("NotImplemented");
        assertThat(json.headers().firstValue("x-amzn-query-error")).contains("NotImplemented;Receiver");

        HttpResponse<byte[]> cbor = RawHttp.post(server.endpoint(),
                "/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/DescribeAnomalyDetectors",
                CBOR.writeValueAsBytes(JSON.createObjectNode()),
                "smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor", "Accept", "application/cbor");
        assertThat(cbor.statusCode()).isEqualTo(501);
        assertThat(cbor.headers().firstValue("smithy-protocol")).contains("rpc-v2-cbor");
        JsonNode error = CBOR.readTree(cbor.body());
        assertThat(error.path("__type").asText()).isEqualTo("NotImplemented");
        assertThat(error.path("message").asText()).contains("DescribeAnomalyDetectors");
    }

    @Test
    void garbageCborIsASerializationError() throws Exception {
        HttpResponse<byte[]> cbor = RawHttp.post(server.endpoint(),
                "/service/GraniteServiceVersion20100801/operation/ListDashboards", new byte[] {(byte) 0xff, 0x13, 0x00},
                "smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor");
        assertThat(cbor.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(cbor.body()).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(cbor.headers().firstValue("x-amzn-query-error")).isPresent();
    }
}
