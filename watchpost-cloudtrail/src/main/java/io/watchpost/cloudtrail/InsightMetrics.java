package io.watchpost.cloudtrail;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.EventKey;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsMetricDataRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsMetricDataResponse;

/**
 * ListInsightsMetricData: per-period counts of one API's write management calls (or of its failures with one error
 * code) in the caller's account and region, counted from the recorder's log. Periods (60, 300 or 3600 s, default
 * 3600) are aligned to the epoch; StartTime (default 90 days ago) is inclusive, EndTime (default now) exclusive.
 * {@code NonZeroData} (default) omits empty periods, {@code FillWithZeros} includes them. Pages hold MaxResults
 * (1..21600, default 21600) points; the token is the next period's start. Messages are Watchpost's own.
 */
final class InsightMetrics {
    static final Set<Integer> PERIODS = Set.of(60, 300, 3600);
    static final int MAX_RESULTS = 21_600;

    private final CloudTrailRecorder recorder;
    private final Clock clock;
    private final PageTokens tokens;

    InsightMetrics(CloudTrailRecorder recorder, Clock clock, PageTokens tokens) {
        this.recorder = recorder;
        this.clock = clock;
        this.tokens = tokens;
    }

    ListInsightsMetricDataResponse list(RequestContext context, ListInsightsMetricDataRequest request) {
        String source = required(request.eventSource(), "EventSource");
        String name = required(request.eventName(), "EventName");
        String type = required(request.insightTypeAsString(), "InsightType");
        boolean errors = switch (type) {
            case InsightSeries.CALL_RATE -> false;
            case InsightSeries.ERROR_RATE -> true;
            default -> throw invalid("Invalid InsightType: " + type);
        };
        if (errors && (request.errorCode() == null || request.errorCode().isEmpty())) {
            throw invalid("ErrorCode is required when InsightType is ApiErrorRateInsight.");
        }
        long period = period(request.period()) * 1000L;
        boolean fill = dataType(request.dataTypeAsString());
        int max = request.maxResults() == null ? MAX_RESULTS : request.maxResults();
        if (max < 1 || max > MAX_RESULTS) {
            throw invalid("MaxResults must be between 1 and 21600.");
        }
        Instant now = clock.instant();
        long start = (request.startTime() == null ? now.minus(Duration.ofDays(90)) : request.startTime())
                .toEpochMilli();
        long end = (request.endTime() == null ? now : request.endTime()).toEpochMilli();
        if (start >= end) {
            throw invalid("StartTime must be before EndTime.");
        }
        long first = Math.floorDiv(start, period) * period;
        if (request.nextToken() != null) {
            first = tokens.decode(request.nextToken()).flatMap(InsightMetrics::parse)
                    .filter(t -> t >= start && t < end).orElseThrow(() -> invalid("Invalid NextToken."));
        }
        InsightSeries wanted = new InsightSeries(context.principal().accountId(), context.region(), source, name,
                type, errors ? request.errorCode() : "");
        TreeMap<Long, long[]> counts = count(wanted, Math.max(first, start), end, period);
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Long next = null;
        for (long t = first; t < end; t += period) {
            long value = counts.containsKey(t) ? counts.get(t)[0] : 0;
            if (value == 0 && !fill) {
                Long higher = counts.higherKey(t);
                if (higher == null) {
                    break;
                }
                t = higher - period;
                continue;
            }
            if (times.size() == max) {
                next = t;
                break;
            }
            times.add(Instant.ofEpochMilli(t));
            values.add((double) value);
        }
        ListInsightsMetricDataResponse.Builder response = ListInsightsMetricDataResponse.builder().eventSource(source)
                .eventName(name).insightType(type).timestamps(times).values(values);
        if (errors) {
            response.errorCode(request.errorCode());
        }
        return next == null ? response.build() : response.nextToken(tokens.encode(Long.toString(next))).build();
    }

    private TreeMap<Long, long[]> count(InsightSeries wanted, long from, long to, long period) {
        TreeMap<Long, long[]> counts = new TreeMap<>();
        try {
            recorder.scan(from, to, event -> {
                EventKey key = event.key();
                if (!InsightSeries.analyzed(key) || !key.eventName().equals(wanted.eventName())
                        || !key.eventSource().equals(wanted.eventSource()) || !key.region().equals(wanted.region())
                        || !key.accountId().equals(wanted.accountId())) {
                    return;
                }
                boolean counted = wanted.errorCode().isEmpty()
                        || InsightSeries.errors(event).filter(wanted::equals).isPresent();
                if (counted) {
                    counts.computeIfAbsent(Math.floorDiv(event.eventTimeMillis(), period) * period,
                            k -> new long[1])[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static java.util.Optional<Long> parse(String position) {
        try {
            return java.util.Optional.of(Long.parseLong(position));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static int period(Integer period) {
        if (period == null) {
            return 3600;
        }
        if (!PERIODS.contains(period)) {
            throw invalid("Period must be 60, 300 or 3600. Specified value: " + period);
        }
        return period;
    }

    /** True for FillWithZeros; NonZeroData is the default. */
    private static boolean dataType(String dataType) {
        if (dataType == null || dataType.equals("NonZeroData")) {
            return false;
        }
        if (dataType.equals("FillWithZeros")) {
            return true;
        }
        throw invalid("Invalid DataType: " + dataType + ". Valid values are FillWithZeros, NonZeroData.");
    }

    private static String required(String value, String member) {
        if (value == null || value.isEmpty()) {
            throw invalid(member + " is required.");
        }
        return value;
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.TRAIL_INVALID_PARAMETER, message);
    }
}
