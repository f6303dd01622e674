package io.watchpost.events.archive;

import static java.util.Objects.requireNonNull;

/**
 * A stored archive. {@code directory} names its record log under the service's data directory; it includes the
 * creation time so that an archive deleted and created again under the same name never sees the old events.
 * Instants are epoch milliseconds (the state journal's convention). {@code retentionDays} 0 keeps events forever.
 */
record ArchiveRecord(String name, String busName, String eventSourceArn, String description, String eventPattern,
        int retentionDays, String state, long creationTimeMillis, String kmsKeyIdentifier, String directory) {
    static final String ENABLED = "ENABLED";

    ArchiveRecord {
        requireNonNull(name, "name is null");
        requireNonNull(busName, "busName is null");
        requireNonNull(eventSourceArn, "eventSourceArn is null");
        requireNonNull(state, "state is null");
        requireNonNull(directory, "directory is null");
    }

    ArchiveRecord updated(String newDescription, String newPattern, Integer newRetention, String newKmsKey) {
        return new ArchiveRecord(name, busName, eventSourceArn,
                newDescription != null ? newDescription : description,
                newPattern != null ? newPattern : eventPattern,
                newRetention != null ? newRetention : retentionDays, state, creationTimeMillis,
                newKmsKey != null ? newKmsKey : kmsKeyIdentifier, directory);
    }
}
