package io.watchpost.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchpost.server.config.ServerConfig;
import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's Signature Version 2 presigned URLs, what boto3 makes for S3 by default ({@code AWSAccessKeyId},
 * {@code Signature}, {@code Expires}), against a strict-auth server: boto3 presigns a GET and a PUT, a plain HTTP
 * client follows them; a forged signature and an expired URL are refused in S3's XML. Skipped without boto3.
 */
class S3PresignedV2IT {
    private static final AuthConfig.AccessKey KEY =
            new AuthConfig.AccessKey("AKIAPRESIGN000000001", "presign-secret", "111111111111", "ci");
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        AuthConfig auth = new AuthConfig(AuthConfig.Mode.STRICT, "000000000000", Map.of(KEY.accessKeyId(), KEY));
        server = TestServer.start(new ServerConfig("127.0.0.1", 0, dataDir, auth, false, Durability.PROCESS, -1,
                List.of(), ServerConfig.DEFAULT_TRAIL_DELIVERY_INTERVAL));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void boto3PresignedUrlsWorkAndForgedOnesDoNot() throws Exception {
        assumeTrue(pythonHasBoto3(), "python3 with boto3 is not available");
        try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(KEY.accessKeyId(), KEY.secretAccessKey()))).build()) {
            s3.createBucket(r -> r.bucket("shared"));
            s3.putObject(r -> r.bucket("shared").key("reports/q4 summary.txt").contentType("text/plain"),
                    RequestBody.fromString("quarterly numbers"));
        }
        String get = presign("get_object", "reports/q4 summary.txt", 300);
        assertThat(get).contains("AWSAccessKeyId=" + KEY.accessKeyId()).contains("Signature=").contains("Expires=")
                .doesNotContain("X-Amz-Signature");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(get)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("quarterly numbers");

        String put = presign("put_object", "uploads/new.txt", 300);
        HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create(put))
                .PUT(HttpRequest.BodyPublishers.ofString("uploaded")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        String readBack = presign("get_object", "uploads/new.txt", 300);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(readBack)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("uploaded");

        String forged = get.replaceFirst("Signature=[^&]+", "Signature=AAAAAAAAAAAAAAAAAAAAAAAAAAA%3D");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(forged)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        String expired = presign("get_object", "reports/q4 summary.txt", -60);
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(URI.create(expired)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("Request has expired");
    }

    /** A URL boto3 presigns with its defaults (Signature Version 2 for S3). */
    private static String presign(String operation, String key, int expiresIn) throws Exception {
        String script = "import boto3,sys\n"
                + "s3=boto3.client('s3',region_name='us-east-1',endpoint_url=sys.argv[1],"
                + "aws_access_key_id=sys.argv[2],aws_secret_access_key=sys.argv[3])\n"
                + "print(s3.generate_presigned_url(sys.argv[4],Params={'Bucket':'shared','Key':sys.argv[5]},"
                + "ExpiresIn=int(sys.argv[6])))\n";
        Process process = new ProcessBuilder("python3", "-c", script, server.endpoint().toString(),
                KEY.accessKeyId(), KEY.secretAccessKey(), operation, key, String.valueOf(expiresIn)).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    private static boolean pythonHasBoto3() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3").start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
