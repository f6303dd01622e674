package io.watchpost.bench.workload;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * PutEvents of 10 entries per call with 1,000 rules of the six {@link MixedRules} kinds (prefix, numeric, exists,
 * anything-but, wildcard, nested). AWS allows 300 rules per bus by default (Watchpost enforces it), so the rules
 * live on four buses of 250 and each call's entries go to the four buses in turn: every event meets 250 rules.
 */
final class PutEvents1000RulesWorkload implements Workload {
    static final int RULES = 1_000;
    static final int BUSES = 4;
    static final int ENTRIES_PER_CALL = 10;
    private final String busPrefix;

    PutEvents1000RulesWorkload(WorkloadSpec spec) {
        this.busPrefix = "bench-" + spec.runId() + "-";
    }

    @Override
    public String name() {
        return "PutEvents1000Rules";
    }

    private String bus(int i) {
        return busPrefix + (i % BUSES);
    }

    @Override
    public void setup(ServiceClients clients) {
        for (int b = 0; b < BUSES; b++) {
            String bus = bus(b);
            clients.events().createEventBus(r -> r.name(bus));
        }
        for (int i = 0; i < RULES; i++) {
            String pattern = MixedRules.pattern(i);
            String rule = "rule-" + i;
            String bus = bus(i);
            clients.events().putRule(r -> r.name(rule).eventBusName(bus).eventPattern(pattern));
        }
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        List<PutEventsRequestEntry> entries = new ArrayList<>(ENTRIES_PER_CALL);
        for (int i = 0; i < ENTRIES_PER_CALL; i++) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(bus(i)).source(MixedRules.source(i))
                    .detailType("OrderPlaced").detail(MixedRules.detail(worker, i)).build());
        }
        clients.events().putEvents(r -> r.entries(entries));
    }

    @Override
    public void teardown(ServiceClients clients) {
        for (int i = 0; i < RULES; i++) {
            String rule = "rule-" + i;
            String bus = bus(i);
            clients.events().deleteRule(r -> r.name(rule).eventBusName(bus));
        }
        for (int b = 0; b < BUSES; b++) {
            String bus = bus(b);
            clients.events().deleteEventBus(r -> r.name(bus));
        }
    }
}
