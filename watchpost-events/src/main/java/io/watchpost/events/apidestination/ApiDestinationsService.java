package io.watchpost.events.apidestination;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.store.StateJournal;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeauthorizeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionRequest;
import software.amazon.awssdk.services.eventbridge.model.ListApiDestinationsRequest;
import software.amazon.awssdk.services.eventbridge.model.ListConnectionsRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateApiDestinationRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateConnectionRequest;

/**
 * EventBridge connections and API destinations ({@code events}). State lives in the {@code events.connections} and
 * {@code events.api-destinations} state tables, which {@link ApiDestinationInvoker} reads; thread-safe because the
 * tables are. Ids (the UUID in each ARN, the secret's suffix) come from the injected random generator.
 */
public final class ApiDestinationsService implements WatchpostService {
    private final ApiHandlers handlers;

    public ApiDestinationsService(StateJournal journal, Clock clock, PageTokens pageTokens, RandomGenerator random) {
        requireNonNull(journal, "journal is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(pageTokens, "pageTokens is null");
        requireNonNull(random, "random is null");
        Connections connections = new Connections(journal);
        ConnectionOperations c = new ConnectionOperations(connections, clock, pageTokens,
                () -> uuid(random), () -> suffix(random));
        DestinationOperations d = new DestinationOperations(journal.table(DestinationOperations.TABLE,
                DestinationRecord.class), connections, clock, pageTokens, () -> uuid(random));
        this.handlers = ApiHandlers.builder()
                .on(CreateConnectionRequest.class, c::create)
                .on(DescribeConnectionRequest.class, c::describe)
                .on(UpdateConnectionRequest.class, c::update)
                .on(DeleteConnectionRequest.class, c::delete)
                .on(ListConnectionsRequest.class, c::list)
                .on(DeauthorizeConnectionRequest.class, c::deauthorize)
                .on(CreateApiDestinationRequest.class, d::create)
                .on(DescribeApiDestinationRequest.class, d::describe)
                .on(UpdateApiDestinationRequest.class, d::update)
                .on(DeleteApiDestinationRequest.class, d::delete)
                .on(ListApiDestinationsRequest.class, d::list)
                .build();
    }

    @Override
    public String endpointPrefix() {
        return "events";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    private static String uuid(RandomGenerator random) {
        synchronized (random) {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }
    }

    /** Secrets Manager appends six random alphanumerics to every secret's ARN. */
    private static String suffix(RandomGenerator random) {
        synchronized (random) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder out = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }
    }
}
