package io.watchpost.cloudtrail;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

/**
 * ListPublicKeys: the one digest-signing key, valid from its creation until a day after now (it never rotates), if
 * that validity overlaps the requested range (default: the last 24 hours up to now, as AWS documents).
 */
final class PublicKeys {
    private final Supplier<DigestSigner> signer;
    private final Clock clock;

    PublicKeys(Supplier<DigestSigner> signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    ListPublicKeysResponse list(RequestContext context, ListPublicKeysRequest request) {
        Instant now = clock.instant();
        Instant end = request.endTime() == null ? now : request.endTime();
        Instant start = request.startTime() == null ? end.minus(Duration.ofDays(1)) : request.startTime();
        if (start.isAfter(end)) {
            throw new AwsException(AwsError.TRAIL_INVALID_TIME_RANGE,
                    "Start time must be earlier than or equal to end time.");
        }
        Instant validTo = now.plus(Duration.ofDays(1));
        DigestSigner current = signer.get();
        if (end.isBefore(current.created()) || start.isAfter(validTo)) {
            return ListPublicKeysResponse.builder().publicKeyList(List.of()).build();
        }
        PublicKey key = PublicKey.builder().value(SdkBytes.fromByteArray(current.publicKeyDer()))
                .validityStartTime(current.created()).validityEndTime(validTo).fingerprint(current.fingerprint())
                .build();
        return ListPublicKeysResponse.builder().publicKeyList(List.of(key)).build();
    }
}
