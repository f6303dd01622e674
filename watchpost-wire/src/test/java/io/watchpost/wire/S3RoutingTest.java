package io.watchpost.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.wire.auth.SignedRequest;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RoutingTest {
    private static final Router ROUTER = new Router(ServiceCatalog.standard());

    static WireRequest s3Request(String method, String pathAndQuery, Map<String, String> extraHeaders) {
        int question = pathAndQuery.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/20250301/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=00"));
        headers.put("x-amz-date", List.of("20250301T120000Z"));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return new WireRequest(method, question < 0 ? pathAndQuery : pathAndQuery.substring(0, question),
                question < 0 ? "" : pathAndQuery.substring(question + 1), headers, new byte[0], "127.0.0.1");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /                                   | ListBuckets       | ''
            PUT    | /my-bucket                          | CreateBucket      | Bucket=my-bucket
            HEAD   | /my-bucket                          | HeadBucket        | Bucket=my-bucket
            DELETE | /my-bucket                          | DeleteBucket      | Bucket=my-bucket
            GET    | /my-bucket?location                 | GetBucketLocation | Bucket=my-bucket
            GET    | /my-bucket?policy                   | GetBucketPolicy   | Bucket=my-bucket
            PUT    | /my-bucket?policy                   | PutBucketPolicy   | Bucket=my-bucket
            DELETE | /my-bucket?policy                   | DeleteBucketPolicy| Bucket=my-bucket
            GET    | /my-bucket?prefix=a&delimiter=%2F   | ListObjects       | Bucket=my-bucket
            GET    | /my-bucket?list-type=2&prefix=      | ListObjectsV2     | Bucket=my-bucket
            POST   | /my-bucket?delete                   | DeleteObjects     | Bucket=my-bucket
            PUT    | /my-bucket/AWSLogs/1/x.json.gz      | PutObject         | Bucket=my-bucket,Key=AWSLogs/1/x.json.gz
            GET    | /my-bucket/dir/                     | GetObject         | Bucket=my-bucket,Key=dir/
            GET    | /my-bucket/a%20b%2Bc                | GetObject         | Bucket=my-bucket,Key=a b+c
            HEAD   | /my-bucket/k                        | HeadObject        | Bucket=my-bucket,Key=k
            DELETE | /my-bucket/k                        | DeleteObject      | Bucket=my-bucket,Key=k
            """)
    void routesPathStyleRequestsSignedForS3(String method, String path, String operation, String variables) {
        WireRequest request = s3Request(method, path, Map.of());
        Route route = ROUTER.route(request, new byte[0], SignedRequest.parse(request)).orElseThrow();
        assertThat(route.service().endpointPrefix()).isEqualTo("s3");
        assertThat(route.codec().protocol()).isEqualTo(Protocol.REST_XML);
        assertThat(route.operationName()).isEqualTo(operation);
        Map<String, String> expected = new LinkedHashMap<>();
        if (!variables.isEmpty()) {
            for (String pair : variables.split(",")) {
                expected.put(pair.split("=")[0], pair.split("=")[1]);
            }
        }
        assertThat(route.pathVariables()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"x-amz-copy-source, CopyObject", "x-amz-meta-a, PutObject"})
    void copySourceHeaderTellsCopyFromPut(String header, String operation) {
        WireRequest request = s3Request("PUT", "/my-bucket/k", Map.of(header, "/other/k"));
        assertThat(ROUTER.route(request, new byte[0], SignedRequest.parse(request)).orElseThrow().operationName())
                .isEqualTo(operation);
    }
}
