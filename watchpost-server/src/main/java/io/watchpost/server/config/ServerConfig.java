package io.watchpost.server.config;

import static java.util.Objects.requireNonNull;

import io.watchpost.store.Durability;
import io.watchpost.wire.auth.AuthConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to start, validated: where it listens, where it keeps its data, how it
 * authenticates, and whether development endpoints (reset) are on.
 *
 * @param developmentMode enables {@code POST /_watchpost/reset} and {@code POST /moto-api/reset}; on by default
 *     with {@code --auth open}, off with {@code strict}
 * @param xrayDaemonPort the X-Ray daemon's UDP (segments) and TCP (sampling proxy) port; 0 picks a free one,
 *     -1 turns the daemon off
 * @param destinations HTTP endpoints standing in for destinations Watchpost does not host
 * @param trailDeliveryInterval how often trails deliver log files (AWS: about 5 minutes); digests come every 12
 *     deliveries, so a short interval shortens the digest period too
 * @param cloudTrailRecording whether API calls are recorded for CloudTrail (on by default); off, LookupEvents,
 *     trails and Insights see no calls, and the request path skips the recorder (for measuring its cost)
 */
public record ServerConfig(String host, int port, Path dataDir, AuthConfig auth, boolean developmentMode,
        Durability durability, int xrayDaemonPort, List<DestinationMapping> destinations,
        Duration trailDeliveryInterval, boolean cloudTrailRecording) {
    public static final int DEFAULT_PORT = 4566;
    public static final int DEFAULT_XRAY_DAEMON_PORT = 2000;
    public static final Duration DEFAULT_TRAIL_DELIVERY_INTERVAL = Duration.ofMinutes(5);
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public ServerConfig {
        requireNonNull(host, "host is null");
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(durability, "durability is null");
        destinations = List.copyOf(destinations);
        requireNonNull(trailDeliveryInterval, "trailDeliveryInterval is null");
    }

    /** A configuration with CloudTrail recording on. */
    public ServerConfig(String host, int port, Path dataDir, AuthConfig auth, boolean developmentMode,
            Durability durability, int xrayDaemonPort, List<DestinationMapping> destinations,
            Duration trailDeliveryInterval) {
        this(host, port, dataDir, auth, developmentMode, durability, xrayDaemonPort, destinations,
                trailDeliveryInterval, true);
    }

    /**
     * A configuration for tests and embedding: open auth, development mode, the given port and directory, the
     * X-Ray daemon on a free port.
     */
    public static ServerConfig forTesting(int port, Path dataDir) {
        return new ServerConfig("127.0.0.1", port, dataDir, AuthConfig.open(DEFAULT_ACCOUNT), true,
                Durability.PROCESS, 0, List.of(),
                DEFAULT_TRAIL_DELIVERY_INTERVAL);
    }

    public ServerConfig withoutXrayDaemon() {
        return new ServerConfig(host, port, dataDir, auth, developmentMode, durability, -1, destinations,
                trailDeliveryInterval, cloudTrailRecording);
    }

    public ServerConfig withAuth(AuthConfig newAuth) {
        return new ServerConfig(host, port, dataDir, newAuth, developmentMode, durability, xrayDaemonPort,
                destinations, trailDeliveryInterval, cloudTrailRecording);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, auth, developmentMode, durability, xrayDaemonPort,
                destinations, trailDeliveryInterval, cloudTrailRecording);
    }

    public ServerConfig withDestinations(List<DestinationMapping> newDestinations) {
        return new ServerConfig(host, port, dataDir, auth, developmentMode, durability, xrayDaemonPort,
                newDestinations, trailDeliveryInterval, cloudTrailRecording);
    }

    public ServerConfig withTrailDeliveryInterval(Duration interval) {
        return new ServerConfig(host, port, dataDir, auth, developmentMode, durability, xrayDaemonPort,
                destinations, interval, cloudTrailRecording);
    }

    public ServerConfig withCloudTrailRecording(boolean recording) {
        return new ServerConfig(host, port, dataDir, auth, developmentMode, durability, xrayDaemonPort,
                destinations, trailDeliveryInterval, recording);
    }
}
