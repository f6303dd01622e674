package io.watchpost.wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.wire.WireRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS's published SigV4 test-suite case "get-vanilla". */
class SigV4VerifierTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 "
            + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    private static WireRequest vanilla(String authorization) {
        return new WireRequest("GET", "/", "", Map.of(
                "Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of(authorization)), new byte[0], "127.0.0.1");
    }

    @Test
    void verifiesTheTestSuiteSignature() {
        WireRequest request = vanilla(AUTHORIZATION);
        SignedRequest signed = SignedRequest.parse(request).orElseThrow();
        assertThat(signed.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(signed.region()).isEqualTo("us-east-1");
        assertThat(signed.service()).isEqualTo("service");
        assertThat(SigV4Verifier.verify(request, signed, SECRET)).isTrue();
    }

    @Test
    void rejectsAWrongSecretOrAChangedRequest() {
        WireRequest request = vanilla(AUTHORIZATION);
        SignedRequest signed = SignedRequest.parse(request).orElseThrow();
        assertThat(SigV4Verifier.verify(request, signed, SECRET + "x")).isFalse();
        WireRequest changed = new WireRequest("GET", "/other", "", request.headers(), new byte[0], "127.0.0.1");
        assertThat(SigV4Verifier.verify(changed, signed, SECRET)).isFalse();
    }

    @Test
    void aDeclaredPayloadHashMustBeTheBodysHash() {
        WireRequest request = vanilla(AUTHORIZATION);
        SignedRequest signed = SignedRequest.parse(request).orElseThrow();
        java.util.Map<String, List<String>> headers = new java.util.HashMap<>(request.headers());
        headers.put("x-amz-content-sha256", List.of("0".repeat(64)));
        WireRequest forged = new WireRequest("GET", "/", "", headers, "swapped body".getBytes(), "127.0.0.1");
        assertThat(SigV4Verifier.verify(forged, signed, SECRET)).isFalse();
    }

    @Test
    void encodesAsRfc3986() {
        assertThat(SigV4Verifier.encode("a b/c~d*e", false)).isEqualTo("a%20b/c~d%2Ae");
        assertThat(SigV4Verifier.encode("a/b", true)).isEqualTo("a%2Fb");
    }
}
