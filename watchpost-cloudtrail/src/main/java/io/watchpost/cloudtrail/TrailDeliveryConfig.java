package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Trail delivery settings. {@code keyDirectory} holds the digest-signing key ({@code digest-key.json}, generated on
 * first start). {@code deliveryInterval} is how often log files are written (AWS: about 5 minutes; launcher flag
 * {@code --trail-delivery-interval}); digests close every {@code 12 × deliveryInterval}, which is AWS's hour at the
 * default interval and shrinks with it so that tests need not wait an hour.
 */
public record TrailDeliveryConfig(Path keyDirectory, Duration deliveryInterval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** Log files per digest period: 12 × 5 minutes = AWS's hourly digests. */
    public static final int INTERVALS_PER_DIGEST = 12;

    public TrailDeliveryConfig {
        requireNonNull(keyDirectory, "keyDirectory is null");
        requireNonNull(deliveryInterval, "deliveryInterval is null");
        if (deliveryInterval.isNegative() || deliveryInterval.isZero()) {
            throw new IllegalArgumentException("deliveryInterval must be positive: " + deliveryInterval);
        }
    }

    public static TrailDeliveryConfig defaults(Path keyDirectory) {
        return new TrailDeliveryConfig(keyDirectory, DEFAULT_INTERVAL);
    }

    public Duration digestPeriod() {
        return deliveryInterval.multipliedBy(INTERVALS_PER_DIGEST);
    }
}
