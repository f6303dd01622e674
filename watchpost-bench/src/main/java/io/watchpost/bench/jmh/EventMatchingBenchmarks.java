package io.watchpost.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.bench.workload.MixedRules;
import io.watchpost.core.Scope;
import io.watchpost.events.pattern.EventPattern;
import io.watchpost.events.rules.RuleIndex;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EventBridge rule matching as rules grow: {@link RuleIndex#match} of one event against {@code rules} enabled rules
 * of one bus, the {@link MixedRules} mix (prefix, numeric, exists, anything-but, wildcard, nested; ten sources).
 * The index partitions by exact source and detail-type, so an event meets only its source's rules (a tenth of them)
 * plus any that name no source. Score = events matched per second on one thread.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EventMatchingBenchmarks {
    private static final Scope SCOPE = new Scope("000000000000", "us-east-1");
    private static final String BUS = "bench";
    private static final int EVENTS = 64;

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private RuleIndex index;
    private JsonNode[] events;
    private String[] sources;
    private int next;
    /** Matches per event on the last setup, to print next to the score (a sanity check, not a result). */
    private long matched;

    @Setup
    public void setUp() throws IOException {
        index = new RuleIndex();
        for (int i = 0; i < rules; i++) {
            index.put("rule-" + i, SCOPE, BUS, EventPattern.compile(MixedRules.pattern(i)));
        }
        ObjectMapper json = new ObjectMapper();
        events = new JsonNode[EVENTS];
        sources = new String[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            sources[i] = MixedRules.source(i);
            events[i] = json.readTree("{\"version\":\"0\",\"id\":\"e-" + i + "\",\"detail-type\":\"OrderPlaced\","
                    + "\"source\":\"" + sources[i] + "\",\"account\":\"000000000000\",\"time\":\"2025-03-01T12:00:00Z\","
                    + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + MixedRules.detail(i, i) + "}");
            matched += index.match(SCOPE, BUS, sources[i], "OrderPlaced", events[i]).size();
        }
        if (matched == 0) {
            throw new IllegalStateException("the benchmark events match no rule");
        }
    }

    @Benchmark
    public int matchOneEvent() {
        int i = next++ & (EVENTS - 1);
        return index.match(SCOPE, BUS, sources[i], "OrderPlaced", events[i]).size();
    }
}
