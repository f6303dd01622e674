package io.watchpost.events.partner;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.events.BusDirectory;
import io.watchpost.events.PartnerBusLink;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The partner event sources of every account, and the {@link PartnerBusLink} through which partner buses activate
 * them. Thread-safe: changes are serialized on one lock; reads see the state table.
 */
public final class PartnerSources implements PartnerBusLink {
    private final StateTable<PartnerSourceRecord> sources;
    private final BusDirectory buses;
    private final Clock clock;
    final Object writeLock = new Object();

    public PartnerSources(StateJournal journal, Clock clock) {
        this.sources = requireNonNull(journal, "journal is null").table("events.partner-sources",
                PartnerSourceRecord.class);
        this.buses = new BusDirectory(journal);
        this.clock = requireNonNull(clock, "clock is null");
    }

    static String key(String region, String name) {
        return region + '/' + name;
    }

    /** {@code arn:aws:events:REGION::event-source/NAME}: event sources belong to no account. */
    static String arn(String region, String name) {
        return new Arn(Arn.partitionOf(region), "events", region, "", "event-source/" + name).toString();
    }

    long now() {
        return clock.millis();
    }

    Optional<PartnerSourceRecord> get(String region, String name) {
        return sources.get(key(region, name));
    }

    void put(String region, PartnerSourceRecord source) {
        sources.put(key(region, source.name()), source);
    }

    void remove(String region, String name) {
        sources.remove(key(region, name));
    }

    /** The region's sources, in name order, that pass {@code filter}. */
    List<PartnerSourceRecord> list(String region, String namePrefix, String after, Predicate<PartnerSourceRecord> filter) {
        String from = key(region, namePrefix == null ? "" : namePrefix);
        var range = sources.view().subMap(from, true, from + '\uffff', false);
        if (after != null) {
            range = range.tailMap(key(region, after), false);
        }
        return range.values().stream().filter(filter).toList();
    }

    boolean busExists(Scope scope, String name) {
        return buses.exists(scope, name);
    }

    /** The source as the account it is shared with sees it, or {@code ResourceNotFoundException}. */
    PartnerSourceRecord shared(Scope scope, String name) {
        return get(scope.region(), name)
                .filter(s -> s.account().equals(scope.accountId()))
                .filter(s -> s.customerState(now(), busExists(scope, name)).isPresent())
                .orElseThrow(() -> notFound(name));
    }

    static AwsException notFound(String name) {
        return new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND, "Event source " + name + " does not exist.");
    }

    @Override
    public void requireShared(Scope scope, String source) {
        PartnerSourceRecord shared = shared(scope, source);
        if (!shared.live(now())) {
            throw notFound(source);
        }
    }

    @Override
    public void busCreated(Scope scope, String source) {
        synchronized (writeLock) {
            get(scope.region(), source).filter(s -> s.account().equals(scope.accountId()) && s.live(now()))
                    .ifPresent(s -> put(scope.region(), s.withState(PartnerSourceRecord.ACTIVE, now())));
        }
    }

    @Override
    public void busDeleted(Scope scope, String name) {
        synchronized (writeLock) {
            Optional<PartnerSourceRecord> source = get(scope.region(), name)
                    .filter(s -> s.account().equals(scope.accountId()));
            if (source.isEmpty()) {
                return;
            }
            if (source.get().live(now())) {
                if (source.get().state().equals(PartnerSourceRecord.ACTIVE)) {
                    put(scope.region(), source.get().withState(PartnerSourceRecord.PENDING, now()));
                }
            } else {
                remove(scope.region(), name); // deleted by the partner, and now without a bus: nothing is left
            }
        }
    }
}
