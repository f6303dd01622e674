package io.watchpost.xray.segments;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one segment or subsegment document that summaries and graphs read. The document itself is kept
 * as sent (in the trace log); this is its validated, typed view. Times are epoch seconds with fraction, as in the
 * document; {@code endTime} is {@code NaN} while the segment is in progress.
 *
 * @param parentId empty for a root segment
 * @param separateSubsegment a document sent on its own with {@code "type": "subsegment"}
 * @param origin the segment's {@code origin} (for example {@code AWS::EC2::Instance}), empty when absent
 * @param namespace {@code remote} or {@code aws} for a downstream call, empty otherwise
 * @param annotations values are {@code String}, {@code Double} or {@code Boolean}
 */
public record Segment(
        String traceId,
        String id,
        Optional<String> parentId,
        String name,
        double startTime,
        double endTime,
        boolean inProgress,
        boolean separateSubsegment,
        Optional<String> origin,
        Optional<String> namespace,
        Optional<String> user,
        Optional<String> resourceArn,
        Flags flags,
        Optional<Http> http,
        Map<String, Object> annotations,
        List<Segment> subsegments) {
    public Segment {
        requireNonNull(traceId, "traceId is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        annotations = Map.copyOf(annotations);
        subsegments = List.copyOf(subsegments);
    }

    /** The {@code error}, {@code fault} and {@code throttle} flags. */
    public record Flags(boolean error, boolean fault, boolean throttle) {
        public static final Flags NONE = new Flags(false, false, false);
    }

    /** The {@code http} section: request method, URL, client IP, user agent and response status. */
    public record Http(Optional<String> method, Optional<String> url, Optional<String> clientIp,
            Optional<String> userAgent, Optional<Integer> status) {}

    /** Seconds from start to end; 0 while in progress. */
    public double duration() {
        return inProgress || Double.isNaN(endTime) ? 0 : Math.max(0, endTime - startTime);
    }

    /** A downstream call X-Ray draws as its own node: namespace {@code remote} or {@code aws}. */
    public boolean remoteCall() {
        return namespace.filter(n -> n.equals("remote") || n.equals("aws")).isPresent();
    }
}
