package io.watchpost.logs.destination;

import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tags of destinations, in the journal's {@code log-resource-tags} table keyed by destination ARN. Both
 * PutDestination (tags given at creation), DeleteDestination (a deleted destination takes its tags along) and the
 * TagResource family go through here, so they see one map. Changes of one ARN are serialised on this object.
 */
public final class DestinationTags {
    static final String TABLE = "log-resource-tags";

    private final StateTable<TagRecord> table;

    private DestinationTags(StateTable<TagRecord> table) {
        this.table = table;
    }

    public static DestinationTags in(StateJournal journal) {
        return new DestinationTags(journal.table(TABLE, TagRecord.class));
    }

    public Map<String, String> get(String arn) {
        return table.get(arn).map(TagRecord::tags).orElse(Map.of());
    }

    /** Replaces the tags of {@code arn} with {@code change} applied to them; durable on return. */
    public synchronized void update(String arn, UnaryOperator<Map<String, String>> change) {
        table.put(arn, new TagRecord(change.apply(get(arn))));
    }

    synchronized void remove(String arn) {
        table.remove(arn);
    }
}
