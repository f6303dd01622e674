package io.watchpost.xray.traces;

import io.watchpost.xray.segments.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.ErrorStatistics;
import software.amazon.awssdk.services.xray.model.FaultStatistics;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.ServiceStatistics;

/**
 * Request statistics of a graph node or edge: a call is a fault ({@code fault} or HTTP 5xx), else an error
 * ({@code error}/{@code throttle} or HTTP 4xx; a throttle when {@code throttle} or 429), else ok. Response times
 * go into a histogram of millisecond buckets (values in seconds). Not thread-safe; one per graph build.
 */
final class Stats {
    long ok;
    long throttle;
    long otherError;
    long fault;
    double totalResponseTime;
    double start = Double.NaN;
    double end = Double.NaN;
    private final Map<Double, Integer> histogram = new TreeMap<>();

    void add(Segment segment) {
        int status = segment.http().flatMap(Segment.Http::status).orElse(0);
        Segment.Flags flags = segment.flags();
        if (flags.fault() || status >= 500) {
            fault++;
        } else if (flags.throttle() || status == 429) {
            throttle++;
        } else if (flags.error() || status >= 400) {
            otherError++;
        } else {
            ok++;
        }
        double responseTime = Summaries.round(segment.duration());
        totalResponseTime += responseTime;
        histogram.merge(responseTime, 1, Integer::sum);
        start = Double.isNaN(start) ? segment.startTime() : Math.min(start, segment.startTime());
        double segmentEnd = segment.inProgress() ? segment.startTime() : segment.endTime();
        end = Double.isNaN(end) ? segmentEnd : Math.max(end, segmentEnd);
    }

    /** Adds {@code other}'s counts, response times and histogram to these. */
    void merge(Stats other) {
        ok += other.ok;
        throttle += other.throttle;
        otherError += other.otherError;
        fault += other.fault;
        totalResponseTime += other.totalResponseTime;
        other.histogram.forEach((value, count) -> histogram.merge(value, count, Integer::sum));
        start = Double.isNaN(start) ? other.start : Double.isNaN(other.start) ? start : Math.min(start, other.start);
        end = Double.isNaN(end) ? other.end : Double.isNaN(other.end) ? end : Math.max(end, other.end);
    }

    long total() {
        return ok + throttle + otherError + fault;
    }

    ErrorStatistics errors() {
        return ErrorStatistics.builder().throttleCount(throttle).otherCount(otherError)
                .totalCount(throttle + otherError).build();
    }

    FaultStatistics faults() {
        return FaultStatistics.builder().otherCount(fault).totalCount(fault).build();
    }

    ServiceStatistics serviceStatistics() {
        return ServiceStatistics.builder().okCount(ok).errorStatistics(errors()).faultStatistics(faults())
                .totalCount(total()).totalResponseTime(Summaries.round(totalResponseTime)).build();
    }

    EdgeStatistics edgeStatistics() {
        return EdgeStatistics.builder().okCount(ok).errorStatistics(errors()).faultStatistics(faults())
                .totalCount(total()).totalResponseTime(Summaries.round(totalResponseTime)).build();
    }

    List<HistogramEntry> histogram() {
        List<HistogramEntry> entries = new ArrayList<>(histogram.size());
        histogram.forEach((value, count) -> entries.add(HistogramEntry.builder().value(value).count(count).build()));
        return entries;
    }
}
