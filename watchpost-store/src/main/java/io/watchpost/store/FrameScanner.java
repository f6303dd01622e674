package io.watchpost.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

/**
 * Reads frames ({@link Frames}) sequentially from a file during recovery and stops at the first frame that
 * is torn (cut short by the end of the file) or corrupt (bad length or checksum). {@link #validEnd()} is
 * then the length of the valid prefix, where the caller truncates.
 *
 * <p>Not thread-safe; used only while a store is being opened. Moves the channel's position, which is
 * harmless because every write in this package is positional.
 */
final class FrameScanner {
    private final DataInputStream in;
    private final long fileSize;
    private final int minPayload;
    private final int maxPayload;
    private long position;
    private long frameStart;

    FrameScanner(FileChannel channel, long start, int minPayload, int maxPayload) throws IOException {
        channel.position(start);
        // Not closed on purpose: closing the stream would close the caller's channel.
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        this.fileSize = channel.size();
        this.minPayload = minPayload;
        this.maxPayload = maxPayload;
        this.position = start;
        this.frameStart = start;
    }

    /** Returns the next valid payload, or {@code null} when the valid prefix of the file ends. */
    byte[] next() throws IOException {
        frameStart = position;
        if (fileSize - position < Frames.HEADER_BYTES) {
            return null;
        }
        int length = in.readInt();
        int checksum = in.readInt();
        if (length < minPayload || length > maxPayload || length > fileSize - position - Frames.HEADER_BYTES) {
            return null;
        }
        byte[] payload = new byte[length];
        try {
            in.readFully(payload);
        } catch (EOFException e) {
            return null; // the file shrank under us; treat like a torn frame
        }
        if (Frames.checksum(payload) != checksum) {
            return null;
        }
        position += Frames.HEADER_BYTES + length;
        return payload;
    }

    /** Position of the frame last returned by {@link #next()} (or of the bad frame after it returned null). */
    long frameStart() {
        return frameStart;
    }

    /** Length of the valid prefix read so far. */
    long validEnd() {
        return position;
    }

    /** Whether the scan stopped exactly at the end of the file, i.e. nothing needs truncating. */
    boolean atEndOfFile() {
        return position == fileSize;
    }
}
