package io.watchpost.logs.stream;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.LogSink;
import io.watchpost.core.port.Scheduler;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.ingest.IngestListener;
import io.watchpost.logs.ingest.IngestedEvent;
import io.watchpost.logs.ingest.Ingestor;
import io.watchpost.logs.store.LogEventStore;
import io.watchpost.logs.store.LogRecordPointers;
import io.watchpost.logs.store.Retention;
import io.watchpost.store.Markers;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * CloudWatch Logs ({@code logs}): log streams and their events — CreateLogStream, DeleteLogStream,
 * DescribeLogStreams, PutLogEvents, GetLogEvents, FilterLogEvents — plus the retention task and the {@link LogSink}
 * port. Shares the endpoint prefix with {@link LogsService}, which owns the log groups; deleting a group deletes
 * its streams and events through {@link LogsService#onLogGroupDeleted}.
 *
 * <p>Events live under {@code dataDirectory} (one record log per log group, see {@code docs/formats/log-events.md});
 * stream definitions in the journal's {@code log-streams} table. {@link #close()} closes the record logs.
 */
public final class LogEventsService implements WatchpostService, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogEventsService.class.getName());
    static final Duration RETENTION_PERIOD = Duration.ofMinutes(1);

    private final LogsService groups;
    private final LogEventStore store;
    private final Ingestor ingestor;
    private final ApiHandlers handlers;
    private final Scheduler.Cancellable retentionTask;
    private final LogRecordPointers pointers;
    private final Path cleanShutdownMarker;
    private final boolean uncleanStart;

    /** Production wiring: record logs with the default segment settings and {@code process} durability. */
    public LogEventsService(StateJournal journal, LogsService groups, Path dataDirectory, Clock clock,
            Scheduler scheduler, PageTokens pageTokens) throws IOException {
        this(journal, groups, dataDirectory, RecordLogConfig.defaults().withClock(clock), clock, scheduler,
                pageTokens);
    }

    public LogEventsService(StateJournal journal, LogsService groups, Path dataDirectory, RecordLogConfig logConfig,
            Clock clock, Scheduler scheduler, PageTokens pageTokens) throws IOException {
        this.groups = requireNonNull(groups, "groups is null");
        requireNonNull(clock, "clock is null");
        // The marker exists only between a clean close and the next start: without it, an existing store was left
        // by a crash, and the newest batches may never have reached the ingest listeners.
        this.cleanShutdownMarker = dataDirectory.resolve("clean-shutdown");
        this.uncleanStart = Files.isDirectory(dataDirectory.resolve("groups"))
                && !Markers.clear(cleanShutdownMarker);
        this.store = new LogEventStore(journal, dataDirectory, logConfig);
        this.ingestor = new Ingestor(groups, store, clock);
        GroupLookup lookup = new GroupLookup(groups);
        StreamWrites writes = new StreamWrites(lookup, store, clock);
        DescribeLogStreams describe = new DescribeLogStreams(lookup, store, clock, pageTokens);
        GetLogEvents get = new GetLogEvents(lookup, store, clock);
        FilterLogEvents filter = new FilterLogEvents(lookup, store, clock, pageTokens);
        GetLogGroupFields fields = new GetLogGroupFields(lookup, store, clock);
        this.pointers = new LogRecordPointers(pageTokens);
        GetLogRecord record = new GetLogRecord(lookup, store, pointers, clock);
        this.handlers = ApiHandlers.builder()
                .on(CreateLogStreamRequest.class, writes::create)
                .on(DeleteLogStreamRequest.class, writes::delete)
                .on(DescribeLogStreamsRequest.class, describe::describe)
                .on(PutLogEventsRequest.class, ingestor::putLogEvents)
                .on(GetLogEventsRequest.class, get::get)
                .on(FilterLogEventsRequest.class, filter::filter)
                .on(GetLogGroupFieldsRequest.class, fields::fields)
                .on(GetLogRecordRequest.class, record::get)
                .build();
        groups.onLogGroupDeleted(store::deleteGroup);
        groups.storedBytesFrom(store::storedBytes);
        this.retentionTask = scheduler.schedule("logs-retention", clock.instant().plus(RETENTION_PERIOD),
                RETENTION_PERIOD, () -> applyRetention(clock.millis()));
    }

    /** Registers a listener told of every batch after it is durably stored (metric and subscription filters). */
    public void addIngestListener(IngestListener listener) {
        ingestor.addListener(listener);
    }

    /**
     * After a crash, tells {@code listener} again of every batch ingested within {@code window} of each group's
     * newest one: the batches a crash may have stored between the append and the listeners (at least once; a batch
     * the listener had already seen comes twice). Does nothing after a clean shutdown. Returns the batches replayed.
     */
    public int replayAfterCrash(IngestListener listener, Duration window) {
        if (!uncleanStart) {
            return 0;
        }
        int[] batches = {0};
        store.forEachRecentBatch(window.toMillis(), (scope, group, stream, events) -> {
            List<IngestedEvent> ingested = new ArrayList<>(events.size());
            events.forEach(e -> ingested.add(new IngestedEvent(e.timestamp(), e.ingestionTime(), e.message())));
            try {
                listener.ingested(scope, group, stream, List.copyOf(ingested));
                batches[0]++;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "replaying a batch of " + group + " failed", e);
            }
        });
        LOG.log(System.Logger.Level.INFO, "unclean shutdown: replayed {0} recent log batches", batches[0]);
        return batches[0];
    }

    /** The {@link LogSink} port for EventBridge log-group targets and CloudTrail trails. */
    public LogSink logSink() {
        return ingestor;
    }

    /** The event store, for readers outside the API handlers (export tasks). Thread-safe. */
    public LogEventStore store() {
        return store;
    }

    /** Issues and resolves {@code @ptr} values (for Logs Insights results and GetLogRecord). */
    public LogRecordPointers recordPointers() {
        return pointers;
    }

    /** Drops events older than each group's retention (reads already hide them) and deletes expired segments. */
    void applyRetention(long nowMillis) {
        store.expire((scope, name) -> {
            Optional<LogGroupInfo> group = groups.logGroup(scope, name);
            if (group.isEmpty() || group.get().retentionInDays().isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Retention.visibleFrom(group.get(), nowMillis));
        });
    }

    @Override
    public String endpointPrefix() {
        return "logs";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    @Override
    public void close() throws IOException {
        retentionTask.cancel();
        store.close();
        Markers.set(cleanShutdownMarker);
    }
}
