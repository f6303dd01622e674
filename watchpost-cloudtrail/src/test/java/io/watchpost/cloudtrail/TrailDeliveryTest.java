package io.watchpost.cloudtrail;

import static io.watchpost.cloudtrail.Harness.ACCOUNT;
import static io.watchpost.cloudtrail.Harness.INTERVAL;
import static io.watchpost.cloudtrail.Harness.REGION;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.Scope;
import io.watchpost.core.port.ObjectStore.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;

class TrailDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "trail-bucket";
    private static final String GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:trail-group:*";
    @TempDir
    Path dir;
    private Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness(dir);
        h.buckets.createBucket(BUCKET, new Scope(ACCOUNT, REGION));
        h.buckets.putBucketPolicy(BUCKET, MemoryObjectStore.cloudTrailPolicy(BUCKET, null, ACCOUNT));
        h.call(CreateTrailRequest.builder().name("audit").s3BucketName(BUCKET).enableLogFileValidation(true)
                .cloudWatchLogsLogGroupArn(GROUP_ARN).cloudWatchLogsRoleArn("arn:aws:iam::" + ACCOUNT + ":role/ct")
                .build());
        h.call(StartLoggingRequest.builder().name("audit").build());
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private void recordCalls() {
        h.record("monitoring.amazonaws.com", "PutMetricAlarm", false, "{\"alarmName\":\"a1\"}");
        h.record("monitoring.amazonaws.com", "DescribeAlarms", true, "{}");
        h.record("monitoring.amazonaws.com", "PutMetricData", false, "{\"namespace\":\"n\"}"); // a data event
    }

    @Test
    void deliversManagementEventsAsALogFileWithAwsKeyLayout() throws Exception {
        recordCalls();
        h.advance(INTERVAL);
        Map<String, StoredObject> objects = h.buckets.objects(BUCKET);
        assertThat(objects).hasSize(1);
        String key = objects.keySet().iterator().next();
        assertThat(key).matches("AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2025/01/02/" + ACCOUNT
                + "_CloudTrail_us-east-1_20250102T0309Z_[A-Za-z0-9]{16}\\.json\\.gz");
        JsonNode records = JSON.readTree(gunzip(objects.get(key).content())).get("Records");
        assertThat(records).extracting(r -> r.get("eventName").asText())
                .containsExactlyInAnyOrder("PutMetricAlarm", "DescribeAlarms");
        assertThat(records.get(0).get("eventSource").asText()).isEqualTo("monitoring.amazonaws.com");
        assertThat(records.get(0).get("recipientAccountId").asText()).isEqualTo(ACCOUNT);

        GetTrailStatusResponse status = h.call(GetTrailStatusRequest.builder().name("audit").build());
        assertThat(status.latestDeliveryTime()).isEqualTo(Harness.START.plus(INTERVAL));

        h.advance(INTERVAL); // nothing new: no second log file
        assertThat(h.buckets.objects(BUCKET)).hasSize(1);
    }

    @Test
    void sendsRecordsToTheLogGroupAndWriteCallsToTheDefaultBus() throws Exception {
        recordCalls();
        h.advance(INTERVAL);
        assertThat(h.logs.appends).singleElement().satisfies(append -> {
            assertThat(append.scope()).isEqualTo(new Scope(ACCOUNT, REGION));
            assertThat(append.group()).isEqualTo("trail-group");
            assertThat(append.stream()).isEqualTo(ACCOUNT + "_CloudTrail_us-east-1");
            assertThat(append.entries()).hasSize(2)
                    .allSatisfy(entry -> assertThat(entry.message()).startsWith("{\"eventVersion\""));
        });
        assertThat(h.events.published).singleElement().satisfies(p -> {
            assertThat(p.bus()).isEqualTo("default");
            assertThat(p.event().source()).isEqualTo("aws.cloudwatch");
            assertThat(p.event().detailType()).isEqualTo("AWS API Call via CloudTrail");
            assertThat(JSON.readTree(p.event().detailJson()).get("eventName").asText()).isEqualTo("PutMetricAlarm");
        });
    }

    @Test
    void signsChainedDigestsThatVerifyWithTheListedPublicKey() throws Exception {
        recordCalls();
        for (int i = 0; i < TrailDeliveryConfig.INTERVALS_PER_DIGEST; i++) {
            h.advance(INTERVAL);
        }
        ListPublicKeysResponse keys = h.call(ListPublicKeysRequest.builder().build());
        PublicKey publicKey = pkcs1(keys.publicKeyList().getFirst().value().asByteArray());
        String firstKey = "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/us-east-1/2025/01/02/" + ACCOUNT
                + "_CloudTrail-Digest_us-east-1_audit_us-east-1_20250102T040405Z.json.gz";
        StoredObject first = h.buckets.getObject(BUCKET, firstKey).orElseThrow();
        JsonNode digest = verify(firstKey, first, publicKey);
        assertThat(digest.get("digestPublicKeyFingerprint").asText())
                .isEqualTo(keys.publicKeyList().getFirst().fingerprint());
        assertThat(digest.get("previousDigestSignature").isNull()).isTrue();
        assertThat(digest.get("digestStartTime").asText()).isEqualTo("2025-01-02T03:04:05Z");
        JsonNode logFile = digest.get("logFiles").get(0);
        byte[] log = gunzip(h.buckets.getObject(BUCKET, logFile.get("s3Object").asText()).orElseThrow().content());
        assertThat(logFile.get("hashValue").asText()).isEqualTo(sha256(log));

        h.record("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"g\"}");
        for (int i = 0; i < TrailDeliveryConfig.INTERVALS_PER_DIGEST; i++) {
            h.advance(INTERVAL);
        }
        String secondKey = firstKey.replace("20250102T040405Z", "20250102T050405Z");
        JsonNode second = verify(secondKey, h.buckets.getObject(BUCKET, secondKey).orElseThrow(), publicKey);
        assertThat(second.get("previousDigestS3Object").asText()).isEqualTo(firstKey);
        assertThat(second.get("previousDigestSignature").asText()).isEqualTo(first.metadata().get("signature"));
        assertThat(second.get("previousDigestHashValue").asText()).isEqualTo(sha256(gunzip(first.content())));
        assertThat(second.get("logFiles")).hasSize(1);
        GetTrailStatusResponse status = h.call(GetTrailStatusRequest.builder().name("audit").build());
        assertThat(status.latestDigestDeliveryTime()).isEqualTo(Harness.START.plus(INTERVAL.multipliedBy(24)));
    }

    @Test
    void advancedSelectorsChooseDataEvents() throws Exception {
        h.call(PutEventSelectorsRequest.builder().trailName("audit").advancedEventSelectors(AdvancedEventSelector
                .builder().fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Data")
                        .build(), AdvancedFieldSelector.builder().field("eventName").startsWith("PutMetric").build())
                .build()).build());
        recordCalls();
        h.advance(INTERVAL);
        StoredObject log = h.buckets.objects(BUCKET).firstEntry().getValue();
        assertThat(JSON.readTree(gunzip(log.content())).get("Records")).extracting(r -> r.get("eventName").asText())
                .containsExactly("PutMetricData");
    }

    @Test
    void theSigningKeySurvivesARestart() throws Exception {
        ListPublicKeysResponse before = h.call(ListPublicKeysRequest.builder().build());
        h.reopen();
        ListPublicKeysResponse after = h.call(ListPublicKeysRequest.builder().build());
        assertThat(after.publicKeyList()).isEqualTo(before.publicKeyList());
        assertThat(after.publicKeyList().getFirst().fingerprint()).matches("[0-9a-f]{32}");
    }

    /** Verifies as {@code aws cloudtrail validate-logs} does, and returns the digest. */
    private static JsonNode verify(String key, StoredObject object, PublicKey publicKey) throws Exception {
        byte[] json = gunzip(object.content());
        JsonNode digest = JSON.readTree(json);
        assertThat(digest.get("digestS3Object").asText()).isEqualTo(key);
        assertThat(object.metadata()).containsEntry("signature-algorithm", "SHA256withRSA");
        String previous = digest.get("previousDigestSignature").isNull() ? "null"
                : digest.get("previousDigestSignature").asText();
        String toSign = digest.get("digestEndTime").asText() + "\n" + BUCKET + "/" + key + "\n" + sha256(json) + "\n"
                + previous;
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update(toSign.getBytes(UTF_8));
        assertThat(signature.verify(HexFormat.of().parseHex(object.metadata().get("signature")))).isTrue();
        return digest;
    }

    /** Parses PKCS#1 {@code SEQUENCE { INTEGER n, INTEGER e }} DER, independently of the code under test. */
    private static PublicKey pkcs1(byte[] der) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(der);
        assertThat(in.get()).isEqualTo((byte) 0x30);
        length(in);
        List<BigInteger> ints = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertThat(in.get()).isEqualTo((byte) 0x02);
            byte[] value = new byte[length(in)];
            in.get(value);
            ints.add(new BigInteger(value));
        }
        assertThat(in.hasRemaining()).isFalse();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(ints.get(0), ints.get(1)));
    }

    private static int length(ByteBuffer in) {
        int first = in.get() & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (in.get() & 0xFF);
        }
        return length;
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
