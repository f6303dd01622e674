package io.watchpost.bench.jmh;

import io.watchpost.cloudtrail.lookup.LookupEventsService;
import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.RecorderConfig;
import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.core.port.ApiCallRecorder.ApiCall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * A bounded measurement of CloudTrail in process (not JMH: filling a million records is the point): the caller-side
 * cost of {@link CloudTrailRecorder#record} against a no-op recorder (recording off), the writer thread's
 * throughput, and LookupEvents over {@code records} records (default 1,000,000) spread over 10 days, by attribute
 * and by time window. Run: {@code java -cp ... io.watchpost.bench.jmh.CloudTrailMeasurement [records]}.
 */
public final class CloudTrailMeasurement {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] NAMES = {"PutDashboard", "PutMetricAlarm", "CreateLogGroup", "PutRule",
        "DeleteDashboards", "PutRetentionPolicy", "CreateTrail", "TagResource"};

    private CloudTrailMeasurement() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("cloudtrail-bench");
        Duration span = Duration.ofDays(10);
        MutableClock clock = new MutableClock(START);
        try (CloudTrailRecorder recorder = new CloudTrailRecorder(dir, RecorderConfig.defaults(), clock,
                new SplittableRandom(1), new ClockScheduler(clock))) {
            recordCost(recorder);
            long step = span.toMillis() / records;
            long began = System.nanoTime();
            for (int i = 0; i < records; i++) {
                record(recorder, i, START.plusMillis(i * step));
                if ((i & 0xFFF) == 0) {
                    recorder.flush(); // stay under the queue capacity: nothing dropped
                }
            }
            recorder.flush();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("fill: %,d records in %.1f s = %,.0f records/s written (dropped %d), %,d bytes%n",
                    records, seconds, records / seconds, recorder.droppedCount(), size(dir));
            clock.set(START.plus(span));
            lookups(recorder, clock);
        }
    }

    private static void recordCost(CloudTrailRecorder recorder) throws InterruptedException {
        ApiCallRecorder off = call -> { };
        for (int round = 0; round < 3; round++) { // the first rounds warm up
            Histogram on = new Histogram(3);
            Histogram none = new Histogram(3);
            for (int i = 0; i < 50_000; i++) {
                ApiCall call = call(i, START);
                long t0 = System.nanoTime();
                recorder.record(call);
                long t1 = System.nanoTime();
                off.record(call);
                long t2 = System.nanoTime();
                on.recordValue(t1 - t0);
                none.recordValue(t2 - t1);
                if ((i & 0xFFF) == 0) {
                    recorder.flush();
                }
            }
            recorder.flush();
            System.out.printf("record() round %d: on p50 %d ns p99 %d ns p99.9 %d ns | off p50 %d ns p99 %d ns%n",
                    round, on.getValueAtPercentile(50), on.getValueAtPercentile(99), on.getValueAtPercentile(99.9),
                    none.getValueAtPercentile(50), none.getValueAtPercentile(99));
        }
    }

    private static void record(CloudTrailRecorder recorder, int i, Instant at) {
        recorder.record(call(i, at));
    }

    private static ApiCall call(int i, Instant at) {
        String name = i % 1000 == 0 ? "DeleteTrail" : NAMES[i % NAMES.length]; // DeleteTrail: 1 in 1,000
        String user = "user" + (i % 100);
        RequestContext ctx = new RequestContext("req-" + i, new Principal("AKIA" + user, "123456789012", user),
                "us-east-1", "monitoring", name, "203.0.113.7", "aws-cli/2.22.0 Python/3.12.6", at);
        String request = "{\"dashboardName\":\"dash-" + (i % 5000) + "\"}";
        return new ApiCall(ctx, "monitoring.amazonaws.com", false, () -> Optional.of(request),
                () -> Optional.of("{}"), Optional.empty(), Optional.empty());
    }

    private static void lookups(CloudTrailRecorder recorder, MutableClock clock) {
        LookupEventsService service = new LookupEventsService(recorder, clock,
                new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        ApiHandler<Object, Object> handler = (ApiHandler<Object, Object>) (Object) service.handlers()
                .find(LookupEventsRequest.class).orElseThrow();
        RequestContext ctx = new RequestContext("req", new Principal("AKIA", "123456789012", "u"), "us-east-1",
                "cloudtrail", "LookupEvents", "127.0.0.1", "bench", clock.instant());
        Instant mid = START.plus(Duration.ofDays(5));
        time(handler, ctx, "newest page, no filter", LookupEventsRequest.builder().build());
        time(handler, ctx, "EventName=PutDashboard (1 in 8)", by("EventName", "PutDashboard"));
        time(handler, ctx, "EventName=DeleteTrail (1 in 1,000)", by("EventName", "DeleteTrail"));
        time(handler, ctx, "Username=user7 (1 in 100)", by("Username", "user7"));
        time(handler, ctx, "EventName=NoSuchCall (no match, full 10 days)", by("EventName", "NoSuchCall"));
        time(handler, ctx, "1-hour window 5 days ago", LookupEventsRequest.builder().startTime(mid)
                .endTime(mid.plus(Duration.ofHours(1))).build());
    }

    private static LookupEventsRequest by(String key, String value) {
        return LookupEventsRequest.builder().lookupAttributes(LookupAttribute.builder().attributeKey(key)
                .attributeValue(value).build()).build();
    }

    private static void time(ApiHandler<Object, Object> handler, RequestContext ctx, String label,
            LookupEventsRequest request) {
        long[] nanos = new long[5];
        int found = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            found = ((LookupEventsResponse) handler.handle(ctx, request)).events().size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("lookup %-48s %2d events: median %,.1f ms (min %,.1f, max %,.1f)%n", label, found,
                nanos[2] / 1e6, nanos[0] / 1e6, nanos[4] / 1e6);
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
