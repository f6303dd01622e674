package io.watchpost.events.archive;

import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;

/** Response shapes of archives and replays. */
final class ArchiveViews {
    private ArchiveViews() {}

    static DescribeArchiveResponse described(String arn, ArchiveRecord a, long count, long bytes) {
        return DescribeArchiveResponse.builder().archiveArn(arn).archiveName(a.name())
                .eventSourceArn(a.eventSourceArn()).description(a.description()).eventPattern(a.eventPattern())
                .state(a.state()).retentionDays(a.retentionDays()).sizeBytes(bytes).eventCount(count)
                .creationTime(Instant.ofEpochMilli(a.creationTimeMillis())).kmsKeyIdentifier(a.kmsKeyIdentifier())
                .build();
    }

    static Archive listed(ArchiveRecord a, long count, long bytes) {
        return Archive.builder().archiveName(a.name()).eventSourceArn(a.eventSourceArn()).state(a.state())
                .retentionDays(a.retentionDays()).sizeBytes(bytes).eventCount(count)
                .creationTime(Instant.ofEpochMilli(a.creationTimeMillis())).build();
    }

    static DescribeReplayResponse described(String arn, ReplayRecord r) {
        return DescribeReplayResponse.builder().replayName(r.name()).replayArn(arn).description(r.description())
                .state(r.state()).stateReason(r.stateReason()).eventSourceArn(r.eventSourceArn())
                .destination(ReplayDestination.builder().arn(r.destinationArn())
                        .filterArns(r.filterArns().isEmpty() ? null : r.filterArns()).build())
                .eventStartTime(Instant.ofEpochMilli(r.eventStartMillis()))
                .eventEndTime(Instant.ofEpochMilli(r.eventEndMillis()))
                .eventLastReplayedTime(instant(r.lastReplayedMillis()))
                .replayStartTime(Instant.ofEpochMilli(r.replayStartMillis()))
                .replayEndTime(instant(r.replayEndMillis())).build();
    }

    static Replay listed(ReplayRecord r) {
        return Replay.builder().replayName(r.name()).eventSourceArn(r.eventSourceArn()).state(r.state())
                .stateReason(r.stateReason()).eventStartTime(Instant.ofEpochMilli(r.eventStartMillis()))
                .eventEndTime(Instant.ofEpochMilli(r.eventEndMillis()))
                .eventLastReplayedTime(instant(r.lastReplayedMillis()))
                .replayStartTime(Instant.ofEpochMilli(r.replayStartMillis()))
                .replayEndTime(instant(r.replayEndMillis())).build();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
