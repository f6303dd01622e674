package io.watchpost.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Startup of a record log. Rules, in order (each is what a crash at some step of a roll leaves behind):
 * <ol>
 *   <li>temporary seal files are deleted: the raw segment they came from is still there;
 *   <li>a valid sealed segment wins over a raw file with the same base offset (the crash came after the
 *       rename, before the raw file was deleted); a damaged sealed segment loses to its raw file, and
 *       without one it is quarantined ({@code .corrupt}) and its offsets become a gap;
 *   <li>every raw segment but the newest is sealed now; the newest becomes the active segment after its
 *       torn tail is truncated.
 * </ol>
 */
final class RecordLogLoader {
    private static final System.Logger LOG = System.getLogger(RecordLogLoader.class.getName());

    /** Sealed segments in offset order, and the segment to append to. */
    record Loaded(List<SealedSegment> sealed, ActiveSegment active) {}

    private RecordLogLoader() {}

    static Loaded load(Path directory, RecordLogConfig config) throws IOException {
        SegmentFiles.Listing files = SegmentFiles.scan(directory);
        NavigableMap<Long, Path> raw = files.raw();
        List<SealedSegment> sealed = openSealed(files.sealed(), raw);
        ActiveSegment active = recoverRawSegments(directory, raw, sealed, config.blockBytes());
        sealed.sort(Comparator.comparingLong(SealedSegment::baseOffset));
        long end;
        try {
            end = checkNoOverlap(sealed);
            if (active != null && active.baseOffset() < end) {
                throw new IOException("Raw segment " + active.path() + " overlaps sealed segment " + sealed.getLast().path());
            }
        } catch (IOException e) {
            if (active != null) {
                active.close();
            }
            throw e;
        }
        if (active == null) {
            long base = raw.isEmpty() ? end : Math.max(end, raw.lastKey());
            active = ActiveSegment.create(SegmentFiles.raw(directory, base), base, config.clock().millis(), config.blockBytes());
        }
        return new Loaded(sealed, active);
    }

    /** Recovers every raw segment and seals all but the newest (an interrupted roll); returns the newest or null. */
    private static ActiveSegment recoverRawSegments(Path directory, NavigableMap<Long, Path> raw, List<SealedSegment> sealed,
            int blockBytes) throws IOException {
        ActiveSegment newest = null;
        try {
            for (Map.Entry<Long, Path> entry : raw.entrySet()) {
                ActiveSegment segment = recoverRaw(entry.getValue(), entry.getKey(), blockBytes);
                if (segment != null) {
                    ActiveSegment previous = newest;
                    newest = segment;
                    if (previous != null) {
                        seal(directory, previous).ifPresent(sealed::add);
                    }
                }
            }
            return newest;
        } catch (IOException | RuntimeException e) {
            if (newest != null) {
                newest.close();
            }
            throw e;
        }
    }

    /** Returns the end offset of the last segment; overlapping segments mean foreign files, so fail. */
    private static long checkNoOverlap(List<SealedSegment> sealed) throws IOException {
        long end = 0;
        for (SealedSegment segment : sealed) {
            if (segment.baseOffset() < end) {
                throw new IOException("Sealed segment " + segment.path() + " overlaps the segment before it");
            }
            end = segment.endOffset();
        }
        return end;
    }

    private static List<SealedSegment> openSealed(NavigableMap<Long, Path> sealedFiles, NavigableMap<Long, Path> raw)
            throws IOException {
        List<SealedSegment> sealed = new ArrayList<>();
        for (Map.Entry<Long, Path> entry : sealedFiles.entrySet()) {
            long base = entry.getKey();
            try {
                sealed.add(SealedSegment.open(entry.getValue(), base));
                Path leftover = raw.remove(base);
                if (leftover != null) {
                    LOG.log(System.Logger.Level.INFO, "Deleting {0}: its seal completed", leftover);
                    Io.deleteQuietly(leftover);
                }
            } catch (CorruptFileException e) {
                if (raw.containsKey(base)) {
                    LOG.log(System.Logger.Level.WARNING, "Discarding damaged seal, raw segment kept: {0}", e.getMessage());
                    Io.deleteQuietly(entry.getValue());
                } else {
                    Io.quarantine(entry.getValue(), e.getMessage());
                }
            }
        }
        return sealed;
    }

    /** Recovers a raw segment; returns null (after deleting or quarantining it) if its header is unusable. */
    private static ActiveSegment recoverRaw(Path path, long base, int blockBytes) throws IOException {
        try {
            return ActiveSegment.recover(path, base, blockBytes);
        } catch (CorruptFileException e) {
            if (path.toFile().length() < ActiveSegment.HEADER_BYTES) {
                LOG.log(System.Logger.Level.INFO, "Deleting {0}: created but its header never completed", path);
                Io.deleteQuietly(path);
            } else {
                Io.quarantine(path, e.getMessage());
            }
            return null;
        }
    }

    /** Seals a raw segment found behind a newer one (a roll was interrupted); empty ones are just deleted. */
    private static Optional<SealedSegment> seal(Path directory, ActiveSegment segment) throws IOException {
        try (segment) {
            if (segment.isEmpty()) {
                Io.deleteQuietly(segment.path());
                return Optional.empty();
            }
            Path temp = SegmentFiles.sealedTemp(directory, segment.baseOffset());
            Path target = SegmentFiles.sealed(directory, segment.baseOffset());
            SegmentFooter footer = SegmentSealer.writeTemp(segment, temp);
            Io.atomicRename(temp, target);
            Io.deleteQuietly(segment.path());
            LOG.log(System.Logger.Level.INFO, "Sealed {0} left behind by an interrupted roll", segment.path());
            return Optional.of(new SealedSegment(target, footer));
        }
    }
}
