package io.watchpost.bench.workload;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PutTraceSegments of 10 segment documents per call (an HTTP server segment with annotations, as the X-Ray
 * SDKs send them), each its own trace. Ids come from a per-worker generator seeded by the worker index.
 */
final class PutTraceSegmentsWorkload implements Workload {
    static final int SEGMENTS_PER_CALL = 10;
    private static final HexFormat HEX = HexFormat.of();
    private final SplittableRandom[] randoms;

    PutTraceSegmentsWorkload(WorkloadSpec spec) {
        randoms = new SplittableRandom[spec.workers()];
        for (int i = 0; i < randoms.length; i++) {
            randoms[i] = new SplittableRandom(0x5EED_0000L + i);
        }
    }

    @Override
    public String name() {
        return "PutTraceSegments";
    }

    @Override
    public void setup(ServiceClients clients) {
        // Nothing to seed.
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        SplittableRandom random = randoms[worker];
        double now = System.currentTimeMillis() / 1000.0;
        List<String> documents = new ArrayList<>(SEGMENTS_PER_CALL);
        for (int i = 0; i < SEGMENTS_PER_CALL; i++) {
            documents.add(segment(random, now, i));
        }
        clients.xray().putTraceSegments(r -> r.traceSegmentDocuments(documents));
    }

    static String segment(SplittableRandom random, double now, int i) {
        String traceId = "1-" + Long.toHexString((long) now) + "-" + HEX.toHexDigits(random.nextInt())
                + HEX.toHexDigits(random.nextLong());
        return "{\"name\":\"checkout\",\"id\":\"" + HEX.toHexDigits(random.nextLong()) + "\",\"trace_id\":\"" + traceId
                + "\",\"start_time\":" + (now - 0.05) + ",\"end_time\":" + now
                + ",\"http\":{\"request\":{\"method\":\"GET\",\"url\":\"https://shop.example.com/cart/" + i
                + "\"},\"response\":{\"status\":200}},\"annotations\":{\"tier\":\"gold\",\"items\":" + i + "}}";
    }
}
