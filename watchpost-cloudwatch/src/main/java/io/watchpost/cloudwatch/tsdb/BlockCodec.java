package io.watchpost.cloudwatch.tsdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes block files (layout in {@code docs/formats/metrics-store.md}): header, then one section per
 * series and unit with each tier's cells column-wise (one bit stream: Gorilla timestamps, then XOR floats for count,
 * sum, minimum and maximum; then the distributions), then a CRC32C of everything before it.
 */
final class BlockCodec {
    static final int MAGIC = 0x57505453; // "WPTS"
    static final int VERSION = 1;
    private static final int NO_SKETCH = 0;
    private static final int SKETCH = 1;
    private static final int NO_PERCENTILES = 2;

    private BlockCodec() {}

    static byte[] encode(long walOffset, List<BlockSection> sections) {
        ByteSink out = new ByteSink(4096);
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeLong(walOffset);
        out.writeVarInt(sections.size());
        for (BlockSection section : sections) {
            writeSection(out, section);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    private static void writeSection(ByteSink out, BlockSection section) {
        SeriesKey key = section.key();
        out.writeString(key.accountId());
        out.writeString(key.region());
        out.writeString(key.namespace());
        out.writeString(key.metricName());
        out.writeVarInt(key.dimensions().size());
        key.dimensions().forEach((name, value) -> {
            out.writeString(name);
            out.writeString(value);
        });
        out.writeString(section.unit());
        out.writeLong(section.lastArrivalMillis());
        out.writeVarInt(section.tiers().size());
        for (BlockSection.TierSection tier : section.tiers()) {
            writeTier(out, tier);
        }
    }

    private static void writeTier(ByteSink out, BlockSection.TierSection tier) {
        Cell[] cells = tier.cells();
        int n = cells.length;
        out.writeByte(tier.tier().ordinal());
        out.writeVarInt(n);
        ByteSink columns = new ByteSink(16 * n);
        BitWriter bits = new BitWriter(columns);
        GorillaCodec.writeTimestamps(bits, tier.starts());
        double[] column = new double[n];
        for (int field = 0; field < 4; field++) {
            for (int i = 0; i < n; i++) {
                column[i] = field(cells[i], field);
            }
            GorillaCodec.writeFloats(bits, column);
        }
        bits.finish();
        out.writeVarInt(columns.size());
        out.writeBytes(columns.array(), 0, columns.size());
        for (Cell cell : cells) {
            if (cell.percentilesUnavailable()) {
                out.writeByte(NO_PERCENTILES);
            } else if (cell.sketch() == null) {
                out.writeByte(NO_SKETCH);
            } else {
                out.writeByte(SKETCH);
                cell.sketch().encode(out);
            }
        }
    }

    private static double field(Cell cell, int field) {
        return switch (field) {
            case 0 -> cell.sampleCount();
            case 1 -> cell.sum();
            case 2 -> cell.minimum();
            default -> cell.maximum();
        };
    }

    /** A decoded block: where WAL replay resumes, and the sections. */
    record Decoded(long walOffset, List<BlockSection> sections) {}

    /** Decodes a whole file; a bad magic, version or checksum, or a malformed body, throws IllegalArgumentException. */
    static Decoded decode(byte[] file) {
        if (file.length < 4 + 1 + 8 + 1 + 4) {
            throw new IllegalArgumentException("block file too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - 4);
        ByteSource trailer = new ByteSource(file, file.length - 4, file.length);
        if ((int) crc.getValue() != trailer.readInt()) {
            throw new IllegalArgumentException("block file checksum mismatch");
        }
        ByteSource in = new ByteSource(file, 0, file.length - 4);
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a metrics block file");
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported block file version " + version);
        }
        long walOffset = in.readLong();
        int count = in.readVarInt();
        List<BlockSection> sections = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            sections.add(readSection(in));
        }
        return new Decoded(walOffset, sections);
    }

    private static BlockSection readSection(ByteSource in) {
        String account = in.readString();
        String region = in.readString();
        String namespace = in.readString();
        String metric = in.readString();
        int dimensionCount = in.readVarInt();
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < dimensionCount; i++) {
            dimensions.put(in.readString(), in.readString());
        }
        SeriesKey key = SeriesKey.of(account, region, namespace, metric, dimensions);
        String unit = in.readString();
        long lastArrival = in.readLong();
        int tierCount = in.readVarInt();
        List<BlockSection.TierSection> tiers = new ArrayList<>(tierCount);
        for (int i = 0; i < tierCount; i++) {
            tiers.add(readTier(in));
        }
        return new BlockSection(key, unit, lastArrival, tiers);
    }

    private static BlockSection.TierSection readTier(ByteSource in) {
        int ordinal = in.readByte();
        if (ordinal >= Tier.values().length) {
            throw new IllegalArgumentException("unknown tier " + ordinal);
        }
        int n = in.readVarInt();
        int length = in.readVarInt();
        byte[] columns = in.readBytes(length);
        BitReader bits = new BitReader(columns, 0, columns.length);
        long[] starts = GorillaCodec.readTimestamps(bits, n);
        double[][] fields = new double[4][];
        for (int field = 0; field < 4; field++) {
            fields[field] = GorillaCodec.readFloats(bits, n);
        }
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            int kind = in.readByte();
            if (kind > NO_PERCENTILES) {
                throw new IllegalArgumentException("unknown distribution kind " + kind);
            }
            QuantileSketch sketch = kind == SKETCH ? QuantileSketch.decode(in) : null;
            cells[i] = new Cell(fields[0][i], fields[1][i], fields[2][i], fields[3][i], sketch, kind == NO_PERCENTILES);
        }
        return new BlockSection.TierSection(Tier.values()[ordinal], starts, cells);
    }
}
