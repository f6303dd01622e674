package io.watchpost.xray.traces;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.xray.filter.FilterExpression;
import io.watchpost.xray.segments.Segment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.xray.model.BatchGetTracesRequest;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetTraceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The read side of traces: BatchGetTraces, GetTraceSummaries, GetTraceGraph, GetServiceGraph, answered from the
 * {@link TraceIndex} (summaries, graphs) and the {@link TraceLog} (documents). Thread-safe: every index access is
 * one locked call, and graphs are built from copied segment lists.
 */
final class TraceReads {
    static final int PAGE_SIZE = 100;
    static final int TRACES_PER_BATCH = 5;
    /** Traces scanned per index call while a filter expression looks for a page of matches. */
    private static final int FILTER_CHUNK = 1000;
    static final Duration MAX_SUMMARY_RANGE = Duration.ofHours(24);

    private final TraceIndex index;
    private final TraceLog log;
    private final Clock clock;
    private final PageTokens pageTokens;
    private final int pageSize;
    private final Groups groups;

    TraceReads(TraceIndex index, TraceLog log, Clock clock, PageTokens pageTokens, int pageSize, Groups groups) {
        this.groups = groups;
        this.index = index;
        this.log = log;
        this.clock = clock;
        this.pageTokens = pageTokens;
        this.pageSize = pageSize;
    }

    ApiHandlers handlers() {
        return ApiHandlers.builder()
                .on(BatchGetTracesRequest.class, this::batchGetTraces)
                .on(GetTraceSummariesRequest.class, this::getTraceSummaries)
                .on(GetTraceGraphRequest.class, this::getTraceGraph)
                .on(GetServiceGraphRequest.class, this::getServiceGraph)
                .build();
    }

    /** Five traces a page, as the console asks; unknown ids are listed as unprocessed. */
    BatchGetTracesResponse batchGetTraces(RequestContext context, BatchGetTracesRequest request) {
        List<String> ids = traceIds(request.hasTraceIds(), request.traceIds());
        int from = position(request.nextToken());
        int to = Math.min(ids.size(), from + TRACES_PER_BATCH);
        List<Trace> traces = new ArrayList<>();
        List<String> unprocessed = new ArrayList<>();
        for (String id : ids.subList(Math.min(from, to), to)) {
            // Copy what the index knows under its lock; read the documents from the log outside it.
            index.read(context.scope(), id, TraceSnapshot::of).map(this::trace)
                    .ifPresentOrElse(traces::add, () -> unprocessed.add(id));
        }
        return BatchGetTracesResponse.builder().traces(traces).unprocessedTraceIds(unprocessed)
                .nextToken(to < ids.size() ? pageTokens.encode(Integer.toString(to)) : null).build();
    }

    GetTraceSummariesResponse getTraceSummaries(RequestContext context, GetTraceSummariesRequest request) {
        TimeRange range = TimeRange.check(request.startTime(), request.endTime());
        ConstraintViolations violations = new ConstraintViolations();
        violations.checkEnum("timeRangeType", request.timeRangeTypeAsString(), List.of("TraceId", "Event", "Service"));
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (Duration.between(range.start(), range.end()).compareTo(MAX_SUMMARY_RANGE) > 0) {
            throw TraceService.invalid("Time range between StartTime and EndTime must be 24 hours or less");
        }
        FilterExpression filter = request.filterExpression() == null || request.filterExpression().isBlank()
                ? null : FilterExpression.compile(request.filterExpression());
        String after = request.nextToken() == null ? null : pageTokens.decode(request.nextToken())
                .orElseThrow(() -> TraceService.invalid("Invalid NextToken"));
        boolean byTraceId = "TraceId".equals(request.timeRangeTypeAsString());
        int[] processed = new int[1];
        List<Groups.Compiled> definitions = filter == null ? List.of() : groups.compiled(context.scope());
        List<TraceIndex.Hit> hits = filter == null
                ? index.range(context.scope(), byTraceId, range.start().toEpochMilli(), range.end().toEpochMilli(),
                        after, pageSize + 1, processed)
                : matching(context.scope(), filter, definitions, byTraceId, range, after, processed);
        boolean more = hits.size() > pageSize;
        List<TraceIndex.Hit> page = more ? hits.subList(0, pageSize) : hits;
        List<TraceSummary> summaries = page.stream().map(hit -> hit.trace().summary).toList();
        Instant now = clock.instant();
        return GetTraceSummariesResponse.builder()
                .traceSummaries(summaries)
                .approximateTime(range.end().isBefore(now) ? range.end() : now)
                .tracesProcessedCount((long) processed[0])
                .nextToken(more ? pageTokens.encode(page.get(page.size() - 1).position()) : null)
                .build();
    }

    /**
     * The next {@code pageSize + 1} traces of the range that satisfy {@code filter}: among the traces the index
     * finds for the expression's {@link FilterExpression#indexHint() hint} when it is selective, else scanning the
     * range in chunks.
     */
    private List<TraceIndex.Hit> matching(Scope scope, FilterExpression filter, List<Groups.Compiled> definitions,
            boolean byTraceId, TimeRange range, String after, int[] processed) {
        Optional<List<TraceIndex.Hit>> candidates = filter.indexHint().flatMap(hint -> index.candidates(scope, hint,
                byTraceId, range.start().toEpochMilli(), range.end().toEpochMilli(), after, processed));
        if (candidates.isPresent()) {
            List<TraceIndex.Hit> matches = new ArrayList<>();
            for (TraceIndex.Hit hit : candidates.get()) {
                if (test(scope, filter, definitions, hit)) {
                    matches.add(hit);
                    if (matches.size() > pageSize) {
                        break;
                    }
                }
            }
            return matches;
        }
        List<TraceIndex.Hit> matches = new ArrayList<>();
        String position = after;
        while (matches.size() <= pageSize) {
            int[] scanned = new int[1];
            List<TraceIndex.Hit> chunk = index.range(scope, byTraceId, range.start().toEpochMilli(),
                    range.end().toEpochMilli(), position, FILTER_CHUNK, scanned);
            processed[0] += scanned[0];
            for (TraceIndex.Hit hit : chunk) {
                if (test(scope, filter, definitions, hit)) {
                    matches.add(hit);
                    if (matches.size() > pageSize) {
                        return matches;
                    }
                }
            }
            if (chunk.size() < FILTER_CHUNK) {
                return matches;
            }
            position = chunk.get(chunk.size() - 1).position();
        }
        return matches;
    }

    private boolean test(Scope scope, FilterExpression filter, List<Groups.Compiled> definitions, TraceIndex.Hit hit) {
        return index.read(scope, hit.trace().traceId, state -> TraceFactsView.of(state, definitions))
                .map(filter::test)
                .orElse(false);
    }

    GetTraceGraphResponse getTraceGraph(RequestContext context, GetTraceGraphRequest request) {
        List<String> ids = traceIds(request.hasTraceIds(), request.traceIds());
        GraphBuilder graph = new GraphBuilder(context.scope().accountId());
        for (String id : ids) {
            index.read(context.scope(), id, TraceState::segments).ifPresent(graph::addTrace);
        }
        return GetTraceGraphResponse.builder().services(graph.services()).build();
    }

    /** Every trace that started in the range and belongs to the group asked for ({@code Default}: all). */
    GetServiceGraphResponse getServiceGraph(RequestContext context, GetServiceGraphRequest request) {
        TimeRange range = TimeRange.check(request.startTime(), request.endTime());
        Scope scope = context.scope();
        GraphBuilder graph = new GraphBuilder(scope.accountId());
        forEachTrace(scope, range, group(scope, request.groupName(), request.groupARN()),
                (start, segments) -> graph.addTrace(segments));
        return GetServiceGraphResponse.builder().startTime(range.start()).endTime(range.end())
                .services(graph.services()).containsOldGroupVersions(false).build();
    }

    /** The compiled filter of the named group, or none when neither name nor ARN is given. */
    Optional<Groups.Compiled> group(Scope scope, String name, String arn) {
        if (name == null && arn == null) {
            return Optional.empty();
        }
        GroupRecord group = groups.find(scope, name, arn);
        return Optional.of(new Groups.Compiled(group.name(), group.arn(),
                FilterExpression.compile(group.filterExpression())));
    }

    /** Receives one trace's start time (epoch millis) and its segments. */
    interface TraceVisitor {
        void visit(long startMillis, List<Segment> segments);
    }

    private record Visit(long startMillis, List<Segment> segments) {}

    /** Visits, by start time, every trace that started in {@code range} and satisfies {@code group}'s filter. */
    void forEachTrace(Scope scope, TimeRange range, Optional<Groups.Compiled> group, TraceVisitor visitor) {
        FilterExpression filter = group.map(Groups.Compiled::filter)
                .filter(f -> !f.source().isBlank()).orElse(null);
        List<Groups.Compiled> definitions = filter == null ? List.of() : groups.compiled(scope);
        Optional<List<TraceIndex.Hit>> candidates = filter == null ? Optional.empty()
                : filter.indexHint().flatMap(hint -> index.candidates(scope, hint, false,
                        range.start().toEpochMilli(), range.end().toEpochMilli(), null, new int[1]));
        if (candidates.isPresent()) {
            candidates.get().forEach(hit -> visit(scope, filter, definitions, hit, visitor));
            return;
        }
        String after = null;
        while (true) {
            List<TraceIndex.Hit> hits = index.range(scope, false, range.start().toEpochMilli(),
                    range.end().toEpochMilli(), after, FILTER_CHUNK, new int[1]);
            for (TraceIndex.Hit hit : hits) {
                visit(scope, filter, definitions, hit, visitor);
            }
            if (hits.size() < FILTER_CHUNK) {
                break;
            }
            after = hits.get(hits.size() - 1).position();
        }
    }

    private void visit(Scope scope, FilterExpression filter, List<Groups.Compiled> definitions, TraceIndex.Hit hit,
            TraceVisitor visitor) {
        // Copy start time and segments under the index's lock; build outside it.
        index.read(scope, hit.trace().traceId, state -> filter == null
                || filter.test(TraceFactsView.of(state, definitions))
                ? new Visit(state.startMillis(), state.segments()) : null)
                .ifPresent(visit -> visitor.visit(visit.startMillis(), visit.segments()));
    }

    /** A trace's documents and duration, copied out of the index. */
    private record TraceSnapshot(String traceId, double duration, List<TraceState.Stored> documents) {
        static TraceSnapshot of(TraceState state) {
            return new TraceSnapshot(state.traceId, state.summary.duration(), state.documents());
        }
    }

    private Trace trace(TraceSnapshot state) {
        List<Documents.Doc> segments = new ArrayList<>();
        List<Documents.Doc> separate = new ArrayList<>();
        for (TraceState.Stored stored : state.documents()) {
            String json = log.document(stored.offset());
            if (json != null) {
                Segment segment = stored.segment();
                (segment.separateSubsegment() ? separate : segments).add(new Documents.Doc(segment.id(), json));
            }
        }
        List<software.amazon.awssdk.services.xray.model.Segment> out = Documents.assemble(segments, separate).stream()
                .map(doc -> software.amazon.awssdk.services.xray.model.Segment.builder()
                        .id(doc.id()).document(doc.json()).build())
                .toList();
        return Trace.builder().id(state.traceId()).duration(state.duration()).limitExceeded(false)
                .segments(out).build();
    }

    private static List<String> traceIds(boolean present, List<String> ids) {
        if (!present) {
            ConstraintViolations violations = new ConstraintViolations();
            violations.missing("traceIds");
            violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        }
        return ids;
    }

    private int position(String token) {
        if (token == null) {
            return 0;
        }
        Optional<String> decoded = pageTokens.decode(token);
        try {
            return Integer.parseInt(decoded.orElseThrow(() -> TraceService.invalid("Invalid NextToken")));
        } catch (NumberFormatException e) {
            throw TraceService.invalid("Invalid NextToken");
        }
    }
}
