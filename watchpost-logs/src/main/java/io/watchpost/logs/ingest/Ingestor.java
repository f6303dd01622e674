package io.watchpost.logs.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.port.LogSink;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.store.EncodedEvent;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.Retention;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * The ingest path: PutLogEvents and the {@link LogSink} port. A batch is appended as one record (one write, one
 * shared fsync under {@code machine} durability); then every registered {@link IngestListener} is told, in
 * registration order, on the ingesting thread.
 *
 * <p>Hot path: one UTF-8 encoding per message, one record append, two primitive index arrays per batch; the
 * {@link IngestedEvent} list is built only when a listener is registered.
 */
public final class Ingestor implements LogSink {
    private static final System.Logger LOG = System.getLogger(Ingestor.class.getName());
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");

    private final LogsService groups;
    private final LogEventStore store;
    private final Clock clock;
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

    public Ingestor(LogsService groups, LogEventStore store, Clock clock) {
        this.groups = requireNonNull(groups, "groups is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds a listener told of every stored batch from now on. */
    public void addListener(IngestListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    public PutLogEventsResponse putLogEvents(RequestContext context, PutLogEventsRequest request) {
        validate(request);
        List<EncodedEvent> encoded = BatchRules.encode(request.logEvents());
        Scope scope = context.scope();
        LogGroupInfo group = groups.logGroup(scope, request.logGroupName()).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist."));
        if (!store.exists(scope, group, request.logStreamName())) {
            throw new AwsException(AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log stream does not exist.");
        }
        long now = clock.millis();
        BatchRules.Outcome outcome = BatchRules.classify(encoded, now, Retention.visibleFrom(group, now));
        store(scope, group, request.logStreamName(), now, outcome.accepted());
        return PutLogEventsResponse.builder()
                .nextSequenceToken(sequenceToken(now))
                .rejectedLogEventsInfo(outcome.rejected())
                .build();
    }

    /** LogSink: the group must exist; the stream is created when missing. No age or size rules apply. */
    @Override
    public void append(Scope scope, String logGroupName, String logStreamName, List<LogEntry> entries) {
        LogGroupInfo group = groups.logGroup(scope, logGroupName).orElseThrow(() -> new AwsException(
                AwsError.LOGS_RESOURCE_NOT_FOUND, "The specified log group does not exist."));
        long now = clock.millis();
        store.createStream(scope, group, logStreamName, now);
        // Stored batches keep PutLogEvents' invariants (at most 10,000 events spanning at most 24 hours), which
        // the index (14 bits per batch index) and time-bounded scans rely on.
        List<EncodedEvent> batch = new ArrayList<>();
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (LogEntry entry : entries) {
            long t = entry.timestampMillis();
            if (batch.size() == 10_000 || (!batch.isEmpty()
                    && (Math.max(high, t) - Math.min(low, t) > BatchRules.MAX_SPAN_MILLIS))) {
                store(scope, group, logStreamName, now, batch);
                batch = new ArrayList<>();
                low = Long.MAX_VALUE;
                high = Long.MIN_VALUE;
            }
            batch.add(new EncodedEvent(t, entry.message().getBytes(UTF_8)));
            low = Math.min(low, t);
            high = Math.max(high, t);
        }
        store(scope, group, logStreamName, now, batch);
    }

    private void store(Scope scope, LogGroupInfo group, String stream, long now, List<EncodedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        store.append(scope, group, stream, now, events);
        if (listeners.isEmpty()) {
            return;
        }
        List<IngestedEvent> ingested = new ArrayList<>(events.size());
        for (EncodedEvent event : events) {
            ingested.add(new IngestedEvent(event.timestamp(), now, new String(event.message(), UTF_8)));
        }
        List<IngestedEvent> view = List.copyOf(ingested);
        for (IngestListener listener : listeners) {
            try {
                listener.ingested(scope, group.logGroupName(), stream, view);
            } catch (RuntimeException e) {
                // The batch is stored and acknowledged; a failing listener must not turn that into an error.
                LOG.log(System.Logger.Level.WARNING, "ingest listener failed for " + group.logGroupName(), e);
            }
        }
    }

    /** Ignored by AWS on input, still returned: 56 digits that grow with time, like AWS's. */
    private static String sequenceToken(long now) {
        return String.format("%056d", now);
    }

    private static void validate(PutLogEventsRequest request) {
        ConstraintViolations errors = new ConstraintViolations();
        if (request.logGroupName() == null) {
            errors.missing("logGroupName");
        }
        errors.checkString("logGroupName", request.logGroupName(), 1, 512, GROUP_NAME);
        if (request.logStreamName() == null) {
            errors.missing("logStreamName");
        }
        errors.checkString("logStreamName", request.logStreamName(), 1, 512, STREAM_NAME);
        if (!request.hasLogEvents()) {
            errors.missing("logEvents");
        } else {
            if (request.logEvents().size() > 10_000) {
                errors.violated("logEvents", "Member must have length less than or equal to 10000");
            }
            if (request.logEvents().isEmpty()) {
                errors.violated("logEvents", "Member must have length greater than or equal to 1");
            }
            checkEvents(errors, request.logEvents());
        }
        errors.checkString("sequenceToken", request.sequenceToken(), 1, Integer.MAX_VALUE, null);
        errors.throwIfAny(AwsError.LOGS_INVALID_PARAMETER);
    }

    private static void checkEvents(ConstraintViolations errors, List<InputLogEvent> events) {
        for (int i = 0; i < events.size() && i < 10_000; i++) {
            InputLogEvent event = events.get(i);
            String member = "logEvents." + (i + 1) + ".member.";
            if (event.timestamp() == null) {
                errors.missing(member + "timestamp");
            } else if (event.timestamp() < 0) {
                errors.violated(member + "timestamp", "Member must have value greater than or equal to 0");
            }
            if (event.message() == null) {
                errors.missing(member + "message");
            } else if (event.message().isEmpty()) {
                errors.violated(member + "message", "Member must have length greater than or equal to 1");
            }
        }
    }
}
