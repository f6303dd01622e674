package io.watchpost.events.archive;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.events.Violations;
import java.util.List;
import java.util.regex.Pattern;

/** The model constraints of the archive and replay operations, phrased as AWS's request validation phrases them. */
final class ArchiveValidation {
    static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern EVENTS_ARN = Pattern.compile("^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$");
    static final Pattern KMS_KEY = Pattern.compile("^[a-zA-Z0-9_\\-/:]*$");
    static final Pattern DESCRIPTION = Pattern.compile(".*");
    static final List<String> ARCHIVE_STATES =
            List.of("ENABLED", "DISABLED", "CREATING", "UPDATING", "CREATE_FAILED", "UPDATE_FAILED");
    static final List<String> REPLAY_STATES =
            List.of("STARTING", "RUNNING", "CANCELLING", "COMPLETED", "CANCELLED", "FAILED");

    private ArchiveValidation() {}

    static Violations archiveName(Violations v, String path, String name, boolean required) {
        if (required) {
            v.required(path, name);
        }
        return v.length(path, name, 1, 48).pattern(path, name, NAME);
    }

    static Violations replayName(Violations v, String path, String name, boolean required) {
        if (required) {
            v.required(path, name);
        }
        return v.length(path, name, 1, 64).pattern(path, name, NAME);
    }

    static Violations eventsArn(Violations v, String path, String arn) {
        return v.length(path, arn, 1, 1600).pattern(path, arn, EVENTS_ARN);
    }

    static Violations archiveSettings(Violations v, String description, String pattern, Integer retention, String kms) {
        return v.length("description", description, 0, 512).pattern("description", description, DESCRIPTION)
                .length("eventPattern", pattern, 0, 4096)
                .range("retentionDays", retention, 0, Integer.MAX_VALUE)
                .length("kmsKeyIdentifier", kms, 0, 2048).pattern("kmsKeyIdentifier", kms, KMS_KEY);
    }

    static Violations page(Violations v, String nextToken, Integer limit) {
        return v.length("nextToken", nextToken, 1, 2048).range("limit", limit, 1, 100);
    }

    /** ListArchives and ListReplays accept at most one of their three filters. */
    static void oneFilter(String operation, Object... filters) {
        int given = 0;
        for (Object filter : filters) {
            given += filter == null ? 0 : 1;
        }
        if (given > 1) {
            throw new AwsException(AwsError.EVENTS_VALIDATION, "At most one filter is allowed for " + operation
                    + ". Use either : State, EventSourceArn, or NamePrefix.");
        }
    }

    static AwsException invalidParameter(String parameter, String reason) {
        return new AwsException(AwsError.EVENTS_VALIDATION,
                "Parameter " + parameter + " is not valid. Reason: " + reason);
    }
}
