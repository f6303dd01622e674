package io.watchpost.cloudtrail;

import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;

/** The journal tables of trails: definitions, selectors/tags, and delivery progress. */
record TrailTables(StateTable<TrailRecord> trails, StateTable<TrailSettings> settings,
        StateTable<DeliveryState> delivery) {
    static final String TRAILS = "trails";
    static final String SETTINGS = "trail-settings";
    static final String DELIVERY = "trail-delivery";

    static TrailTables open(StateJournal journal) {
        return new TrailTables(journal.table(TRAILS, TrailRecord.class), journal.table(SETTINGS, TrailSettings.class),
                journal.table(DELIVERY, DeliveryState.class));
    }

    /** Removes a trail and everything kept for it. */
    void removeTrail(String trailKey) {
        trails.remove(trailKey);
        settings.remove(trailKey);
        String prefix = trailKey + '|';
        for (String key : java.util.List.copyOf(delivery.view().subMap(prefix, true, prefix + '\uffff', false)
                .keySet())) {
            delivery.remove(key);
        }
    }
}
