package io.watchpost.bench.jmh;

import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.codec.JsonShapeDecoder;
import io.watchpost.wire.codec.Mappers;
import io.watchpost.wire.codec.QueryShapeDecoder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Request decoding of watchpost-wire: a 20-metric PutMetricData body from bytes to the SDK request object,
 * through the JSON codec (parse + {@link JsonShapeDecoder}) and the awsQuery codec (form parse +
 * {@link QueryShapeDecoder}). This is the per-request cost in front of every metric write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmarks {
    private final byte[] json = MetricBodies.json();
    private final String query = MetricBodies.query();

    /** JSON body → tree → PutMetricDataRequest. */
    @Benchmark
    public PutMetricDataRequest jsonPutMetricDataDecode() {
        PutMetricDataRequest.Builder builder = PutMetricDataRequest.builder();
        JsonShapeDecoder.fill(builder, Mappers.read(Mappers.JSON, json), field -> true);
        return builder.build();
    }

    /** Form text → parameters → PutMetricDataRequest. */
    @Benchmark
    public PutMetricDataRequest queryPutMetricDataDecode() {
        Map<String, String> parameters = FormParameters.parse(query);
        PutMetricDataRequest.Builder builder = PutMetricDataRequest.builder();
        QueryShapeDecoder.fill(builder, parameters);
        return builder.build();
    }
}
