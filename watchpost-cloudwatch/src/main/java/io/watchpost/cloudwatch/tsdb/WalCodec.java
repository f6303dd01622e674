package io.watchpost.cloudwatch.tsdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The value of one write-ahead record: the datums of one PutMetricData call (or one {@code MetricSink} batch) of
 * one account and region. Layout in {@code docs/formats/metrics-store.md}; the record log frames and checksums it.
 */
final class WalCodec {
    static final int VERSION = 1;
    private static final int KIND_VALUES = 0;
    private static final int KIND_VALUES_COUNTS = 1;
    private static final int KIND_STATISTIC_SET = 2;

    private WalCodec() {}

    record Batch(String accountId, String region, List<Datum> data) {}

    static byte[] encode(String accountId, String region, List<Datum> data) {
        ByteSink out = new ByteSink(64 + 96 * data.size());
        out.writeByte(VERSION);
        out.writeString(accountId);
        out.writeString(region);
        out.writeVarInt(data.size());
        for (Datum datum : data) {
            writeDatum(out, datum);
        }
        return out.toByteArray();
    }

    private static void writeDatum(ByteSink out, Datum datum) {
        out.writeString(datum.namespace());
        out.writeString(datum.metricName());
        out.writeVarInt(datum.dimensions().size());
        datum.dimensions().forEach((name, value) -> {
            out.writeString(name);
            out.writeString(value);
        });
        out.writeString(datum.unit());
        out.writeLong(datum.timestampMillis());
        out.writeByte(datum.highResolution() ? 1 : 0);
        if (datum.statisticSet().isPresent()) {
            Datum.StatisticSet set = datum.statisticSet().get();
            out.writeByte(KIND_STATISTIC_SET);
            out.writeDouble(set.sampleCount());
            out.writeDouble(set.sum());
            out.writeDouble(set.minimum());
            out.writeDouble(set.maximum());
            return;
        }
        double[] values = datum.values();
        double[] counts = datum.counts();
        out.writeByte(counts == null ? KIND_VALUES : KIND_VALUES_COUNTS);
        out.writeVarInt(values.length);
        for (int i = 0; i < values.length; i++) {
            out.writeDouble(values[i]);
            if (counts != null) {
                out.writeDouble(counts[i]);
            }
        }
    }

    static Batch decode(byte[] value) {
        ByteSource in = new ByteSource(value);
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported WAL record version " + version);
        }
        String account = in.readString();
        String region = in.readString();
        int count = in.readVarInt();
        List<Datum> data = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            data.add(readDatum(in));
        }
        return new Batch(account, region, data);
    }

    private static Datum readDatum(ByteSource in) {
        String namespace = in.readString();
        String metric = in.readString();
        int dimensionCount = in.readVarInt();
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < dimensionCount; i++) {
            dimensions.put(in.readString(), in.readString());
        }
        String unit = in.readString();
        long timestamp = in.readLong();
        boolean highResolution = in.readByte() == 1;
        int kind = in.readByte();
        if (kind == KIND_STATISTIC_SET) {
            Datum.StatisticSet set = new Datum.StatisticSet(in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble());
            return new Datum(namespace, metric, dimensions, unit, timestamp, highResolution, null, null,
                    Optional.of(set));
        }
        int n = in.readVarInt();
        double[] values = new double[n];
        double[] counts = kind == KIND_VALUES_COUNTS ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
            if (counts != null) {
                counts[i] = in.readDouble();
            }
        }
        return new Datum(namespace, metric, dimensions, unit, timestamp, highResolution, values, counts,
                Optional.empty());
    }
}
