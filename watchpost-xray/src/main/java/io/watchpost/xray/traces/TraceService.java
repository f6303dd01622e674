package io.watchpost.xray.traces;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import io.watchpost.xray.segments.SegmentParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.xray.model.BackendConnectionErrors;
import software.amazon.awssdk.services.xray.model.PutTelemetryRecordsRequest;
import software.amazon.awssdk.services.xray.model.PutTelemetryRecordsResponse;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsRequest;
import software.amazon.awssdk.services.xray.model.PutTraceSegmentsResponse;
import software.amazon.awssdk.services.xray.model.TelemetryRecord;
import software.amazon.awssdk.services.xray.model.UnprocessedTraceSegment;

/**
 * X-Ray traces ({@code xray}): PutTraceSegments and PutTelemetryRecords here, the reads in {@link TraceReads}.
 * Accepted documents go to the trace log under {@code <dataDirectory>/xray/segments} and into the in-memory
 * {@link TraceIndex}, which startup rebuilds by scanning the log. Segments are kept 30 days (X-Ray's retention),
 * enforced hourly on the {@link Scheduler} by deleting whole log segments.
 *
 * <p>Thread-safety: all methods may be called concurrently. Parsing runs unlocked; appending a document and
 * indexing it happen under one lock so the index never names a record the log does not have.
 */
public final class TraceService implements WatchpostService, AutoCloseable {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration RETENTION_CHECK = Duration.ofHours(1);

    private final Clock clock;
    private final SegmentParser parser = new SegmentParser();
    private final TraceLog log;
    private final TraceIndex index = new TraceIndex();
    private final StateTable<TelemetryTotals> telemetry;
    private final Scheduler.Cancellable retention;
    private final TraceReads reads;
    private final Groups groups;
    private final TimeSeries timeSeries;
    private final ApiHandlers handlers;
    private final Object appendLock = new Object();

    public TraceService(StateJournal journal, Path dataDirectory, Clock clock, Scheduler scheduler,
            PageTokens pageTokens) throws IOException {
        this(journal, dataDirectory, clock, scheduler, pageTokens, TraceReads.PAGE_SIZE);
    }

    TraceService(StateJournal journal, Path dataDirectory, Clock clock, Scheduler scheduler, PageTokens pageTokens,
            int pageSize) throws IOException {
        this.clock = requireNonNull(clock, "clock is null");
        this.telemetry = journal.table("xray.telemetry", TelemetryTotals.class);
        this.log = new TraceLog(dataDirectory.resolve("xray").resolve("segments"),
                RecordLogConfig.defaults().withClock(clock));
        rebuild();
        this.groups = new Groups(journal, clock, pageTokens);
        this.reads = new TraceReads(index, log, clock, pageTokens, pageSize, groups);
        this.timeSeries = new TimeSeries(reads);
        this.retention = scheduler.schedule("xray.traceRetention", clock.instant().plus(RETENTION_CHECK),
                RETENTION_CHECK, this::enforceRetention);
        this.handlers = ApiHandlers.merge(List.of(ApiHandlers.builder()
                .on(PutTraceSegmentsRequest.class, this::putTraceSegments)
                .on(PutTelemetryRecordsRequest.class, this::putTelemetryRecords)
                .build(), reads.handlers(), groups.handlers(),
                timeSeries.handlers()));
    }

    @Override
    public String endpointPrefix() {
        return "xray";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    /**
     * Accepts one segment document for {@code scope}, the path shared by PutTraceSegments, the daemon's UDP
     * listener and the OTLP receiver; answers why when the document is rejected.
     */
    public Optional<UnprocessedTraceSegment> ingest(Scope scope, String document) {
        long now = clock.millis();
        return switch (parser.parse(document)) {
            case SegmentParser.Accepted accepted -> {
                synchronized (appendLock) {
                    long offset = log.append(scope, accepted.segment().traceId(), document, now);
                    index.add(scope, accepted.segment(), offset, now);
                }
                yield Optional.empty();
            }
            case SegmentParser.Rejected rejected -> Optional.of(UnprocessedTraceSegment.builder()
                    .id(rejected.rejection().id().orElse(null))
                    .errorCode(rejected.rejection().errorCode())
                    .message(rejected.rejection().message())
                    .build());
        };
    }

    PutTraceSegmentsResponse putTraceSegments(RequestContext context, PutTraceSegmentsRequest request) {
        if (!request.hasTraceSegmentDocuments()) {
            ConstraintViolations violations = new ConstraintViolations();
            violations.missing("traceSegmentDocuments");
            violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        }
        List<UnprocessedTraceSegment> unprocessed = new ArrayList<>();
        for (String document : request.traceSegmentDocuments()) {
            ingest(context.scope(), document).ifPresent(unprocessed::add);
        }
        return PutTraceSegmentsResponse.builder().unprocessedTraceSegments(unprocessed).build();
    }

    PutTelemetryRecordsResponse putTelemetryRecords(RequestContext context, PutTelemetryRecordsRequest request) {
        ConstraintViolations violations = new ConstraintViolations();
        if (!request.hasTelemetryRecords()) {
            violations.missing("telemetryRecords");
        }
        violations.checkString("eC2InstanceId", request.ec2InstanceId(), 0, 20, null);
        violations.checkString("hostname", request.hostname(), 0, 255, null);
        violations.checkString("resourceARN", request.resourceARN(), 0, 500, null);
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        String source = request.ec2InstanceId() != null ? request.ec2InstanceId()
                : request.hostname() != null ? request.hostname()
                : request.resourceARN() != null ? request.resourceARN() : "unknown";
        String key = context.scope().key(source);
        synchronized (telemetry) {
            TelemetryTotals total = telemetry.get(key)
                    .orElse(TelemetryTotals.EMPTY);
            for (TelemetryRecord record : request.telemetryRecords()) {
                total = add(total, record);
            }
            telemetry.put(key, total);
        }
        return PutTelemetryRecordsResponse.builder().build();
    }

    private TelemetryTotals add(TelemetryTotals total,
            TelemetryRecord record) {
        BackendConnectionErrors errors = record.backendConnectionErrors();
        long errorCount = errors == null ? 0 : count(errors.timeoutCount()) + count(errors.connectionRefusedCount())
                + count(errors.httpCode4XXCount()) + count(errors.httpCode5XXCount())
                + count(errors.unknownHostCount()) + count(errors.otherCount());
        return new TelemetryTotals(
                total.segmentsReceived() + count(record.segmentsReceivedCount()),
                total.segmentsSent() + count(record.segmentsSentCount()),
                total.segmentsSpillover() + count(record.segmentsSpilloverCount()),
                total.segmentsRejected() + count(record.segmentsRejectedCount()),
                total.backendConnectionErrors() + errorCount,
                clock.millis());
    }

    private static long count(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    TraceReads reads() {
        return reads;
    }

    Groups groups() {
        return groups;
    }

    /** Groups as the tagging API sees them. */
    public io.watchpost.xray.tagging.TaggedResources taggedGroups() {
        return groups.tagged();
    }

    TimeSeries timeSeries() {
        return timeSeries;
    }

    /** Traces the index holds (all accounts and regions). */
    int traceCount() {
        return index.size();
    }

    void enforceRetention() {
        long cutoff = clock.millis() - RETENTION.toMillis();
        try {
            log.deleteOlderThan(cutoff);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        index.expire(cutoff);
    }

    private void rebuild() throws IOException {
        log.scanAll(entry -> {
            if (parser.parse(entry.document()) instanceof SegmentParser.Accepted accepted) {
                index.add(entry.scope(), accepted.segment(), entry.offset(), entry.timestampMillis());
            }
        });
    }

    @Override
    public void close() throws IOException {
        retention.cancel();
        log.close();
    }

    static AwsException invalid(String message) {
        return new AwsException(AwsError.XRAY_INVALID_REQUEST, message);
    }
}
