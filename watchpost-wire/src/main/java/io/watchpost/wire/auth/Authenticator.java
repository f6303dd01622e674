package io.watchpost.wire.auth;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Principal;
import io.watchpost.wire.WireRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decides who a request comes from. In {@code OPEN} mode any caller is accepted: a configured key maps to its
 * account and user, any other key to the default account. In {@code STRICT} mode the SigV4 signature must verify
 * against a configured key and the request time must be within AWS's 15 minutes of the server's clock.
 */
public final class Authenticator {
    static final String DEFAULT_REGION = "us-east-1";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";

    /**
     * How a service names its authentication errors: query-style (CloudWatch, in all its protocols), JSON
     * (Logs, Events, CloudTrail), restJson1 (X-Ray, Schemas: the JSON codes with 403) and S3.
     */
    public enum ErrorStyle {
        QUERY(AwsError.INVALID_CLIENT_TOKEN_ID, AwsError.SIGNATURE_DOES_NOT_MATCH),
        JSON(AwsError.UNRECOGNIZED_CLIENT, AwsError.INVALID_SIGNATURE_EXCEPTION),
        REST_JSON(AwsError.UNRECOGNIZED_CLIENT_REST, AwsError.INVALID_SIGNATURE_REST),
        S3(AwsError.INVALID_ACCESS_KEY_ID, AwsError.SIGNATURE_DOES_NOT_MATCH);

        private final AwsError unknownKey;
        private final AwsError mismatch;

        ErrorStyle(AwsError unknownKey, AwsError mismatch) {
            this.unknownKey = unknownKey;
            this.mismatch = mismatch;
        }
    }

    /** The caller and the region its request was signed for. */
    public record Authenticated(Principal principal, String region) {}

    private final AuthConfig config;
    private final Clock clock;

    public Authenticator(AuthConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public AuthConfig config() {
        return config;
    }

    public Authenticated authenticate(WireRequest request, Optional<SignedRequest> signature, ErrorStyle style) {
        if (config.mode() == AuthConfig.Mode.OPEN) {
            return signature.map(signed -> new Authenticated(openPrincipal(signed.accessKeyId()), region(signed)))
                    .orElseGet(() -> new Authenticated(openPrincipal("anonymous"), DEFAULT_REGION));
        }
        SignedRequest signed = signature.orElseThrow(() -> style == ErrorStyle.QUERY || style == ErrorStyle.S3
                ? new AwsException(AwsError.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token")
                : new AwsException(AwsError.MISSING_AUTHENTICATION_TOKEN_EXCEPTION, "Missing Authentication Token"));
        AuthConfig.AccessKey key = config.keys().get(signed.accessKeyId());
        if (key == null) {
            throw new AwsException(style.unknownKey, style == ErrorStyle.S3
                    ? "The AWS Access Key Id you provided does not exist in our records." : INVALID_TOKEN);
        }
        AwsError mismatch = style.mismatch;
        if (signed.sigV2()) {
            checkV2Expiry(signed, mismatch);
            if (!SigV2Verifier.verify(request, signed, key.secretAccessKey())) {
                throw new AwsException(mismatch, SIGNATURE_MISMATCH);
            }
            return new Authenticated(new Principal(key.accessKeyId(), key.accountId(), key.userName()),
                    region(signed));
        }
        checkTime(signed, mismatch);
        if (!SigV4Verifier.verify(request, signed, key.secretAccessKey())) {
            throw new AwsException(mismatch, SIGNATURE_MISMATCH);
        }
        return new Authenticated(new Principal(key.accessKeyId(), key.accountId(), key.userName()), region(signed));
    }

    private Principal openPrincipal(String accessKeyId) {
        AuthConfig.AccessKey key = config.keys().get(accessKeyId);
        return key != null ? new Principal(accessKeyId, key.accountId(), key.userName())
                : new Principal(accessKeyId, config.defaultAccountId(), "watchpost");
    }

    private static String region(SignedRequest signed) {
        return signed.region().isEmpty() ? DEFAULT_REGION : signed.region();
    }

    /** A presigned URL is good from its date for {@code X-Amz-Expires} seconds (1 to 604,800, SigV4's limits). */
    private static void checkExpiry(SignedRequest signed, Instant signedAt, Instant now, AwsError mismatch) {
        long seconds;
        try {
            seconds = Long.parseLong(signed.expires().orElseThrow());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 604_800) {
            throw new AwsException(AwsError.INCOMPLETE_SIGNATURE,
                    "X-Amz-Expires must be between 1 and 604800 seconds");
        }
        if (now.isAfter(signedAt.plusSeconds(seconds)) || signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new AwsException(mismatch, "Request has expired");
        }
    }

    /** A SigV2 presigned URL names the epoch second it expires at; S3 refuses it after that. */
    private void checkV2Expiry(SignedRequest signed, AwsError mismatch) {
        if (!signed.presigned()) {
            return;
        }
        long expires;
        try {
            expires = Long.parseLong(signed.expires().orElseThrow());
        } catch (NumberFormatException e) {
            throw new AwsException(mismatch, SIGNATURE_MISMATCH);
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw new AwsException(mismatch, "Request has expired");
        }
    }

    private void checkTime(SignedRequest signed, AwsError mismatch) {
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(signed.amzDate(), Instant::from);
        } catch (DateTimeParseException e) {
            throw new AwsException(mismatch, SIGNATURE_MISMATCH);
        }
        Instant now = clock.instant();
        if (signed.presigned() && signed.expires().isPresent()) {
            checkExpiry(signed, signedAt, now, mismatch);
            return;
        }
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new AwsException(mismatch, "Signature expired: " + signed.amzDate() + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new AwsException(mismatch, "Signature not yet current: " + signed.amzDate()
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 15 min.)");
        }
    }
}
