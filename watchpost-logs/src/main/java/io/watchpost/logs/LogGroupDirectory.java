package io.watchpost.logs;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.Optional;

/**
 * Read access to the log groups of the {@code log-groups} table for the other rooms of this module (metric and
 * subscription filters), and the key scheme of records that belong to one log group.
 *
 * <p>A group's children are keyed {@code account/region/groupName SEPARATOR childName}. The separator sorts below
 * every character a group name may hold, so the children of one group form one contiguous key range, ordered by
 * child name. Children carry the creation time of the group they were made in: a group deleted and created again
 * under the same name does not inherit them (AWS deletes a group's filters with the group).
 *
 * <p>Thread-safe; reads see every acknowledged write of the journal.
 */
public final class LogGroupDirectory {
    /** Below {@code #}, the lowest character of the log group name pattern. */
    private static final char SEPARATOR = ' ';

    private final StateTable<LogGroupRecord> groups;

    private LogGroupDirectory(StateTable<LogGroupRecord> groups) {
        this.groups = groups;
    }

    /** The directory of the journal's log groups (the same table {@link LogsService} writes). */
    public static LogGroupDirectory in(StateJournal journal) {
        requireNonNull(journal, "journal is null");
        return new LogGroupDirectory(journal.table(LogsService.LOG_GROUPS_TABLE, LogGroupRecord.class));
    }

    /** The creation time (epoch millis) of the group, or empty when it does not exist. */
    public Optional<Long> creationTime(Scope scope, String logGroupName) {
        return groups.get(scope.key(logGroupName)).map(LogGroupRecord::creationTime);
    }

    /** The key of a record named {@code childName} that belongs to the group. */
    public static String childKey(Scope scope, String logGroupName, String childName) {
        return childPrefix(scope, logGroupName) + childName;
    }

    /** The common prefix of the keys of every record that belongs to the group. */
    public static String childPrefix(Scope scope, String logGroupName) {
        return scope.key(logGroupName) + SEPARATOR;
    }
}
