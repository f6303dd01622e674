package io.watchpost.logs.destination;

import static java.util.Objects.requireNonNull;

/**
 * A CloudWatch Logs destination as stored in the journal's {@code log-destinations} table (keyed by scope and
 * name): the Kinesis or Firehose target that subscription filters pointing at it deliver to, the role Logs assumes,
 * and the access policy that lets other accounts subscribe ({@code null} until PutDestinationPolicy).
 */
public record DestinationRecord(String destinationName, String targetArn, String roleArn, String accessPolicy,
        boolean forceUpdate, long creationTime) {
    public DestinationRecord {
        requireNonNull(destinationName, "destinationName is null");
        requireNonNull(targetArn, "targetArn is null");
        requireNonNull(roleArn, "roleArn is null");
    }
}
