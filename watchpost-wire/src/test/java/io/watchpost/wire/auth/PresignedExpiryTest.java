package io.watchpost.wire.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsException;
import io.watchpost.core.MutableClock;
import io.watchpost.wire.WireRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import org.junit.jupiter.api.Test;

/** A presigned URL made by the SDK's signer is accepted until X-Amz-Expires has passed, then refused. */
class PresignedExpiryTest {
    private static final Instant SIGNED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final AuthConfig.AccessKey KEY = new AuthConfig.AccessKey("AKIAPRESIGN", "secret",
            "111111111111", "presigner");

    private static WireRequest presigned() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:4566/?Action=ListDashboards&Version=2010-08-01")).build();
        URI uri = AwsV4HttpSigner.create().sign(r -> r.request(request)
                .identity(AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "monitoring")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)))
                .request().getUri();
        return new WireRequest("GET", uri.getRawPath(), uri.getRawQuery(),
                Map.of("Host", List.of("127.0.0.1:4566")), new byte[0], "127.0.0.1");
    }

    @Test
    void acceptedWithinItsLifetimeAndRefusedAfter() {
        MutableClock clock = new MutableClock(SIGNED_AT.plusSeconds(30));
        Authenticator authenticator = new Authenticator(new AuthConfig(AuthConfig.Mode.STRICT, "000000000000",
                Map.of(KEY.accessKeyId(), KEY)), clock);
        WireRequest request = presigned();
        var signed = SignedRequest.parse(request);
        assertThat(authenticator.authenticate(request, signed, Authenticator.ErrorStyle.QUERY).principal()
                .accountId()).isEqualTo("111111111111");
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> authenticator.authenticate(request, signed, Authenticator.ErrorStyle.QUERY))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Request has expired"));
    }
}
