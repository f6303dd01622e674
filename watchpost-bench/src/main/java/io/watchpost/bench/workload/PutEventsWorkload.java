package io.watchpost.bench.workload;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * PutEvents of 10 entries per call on a bus holding 100 rules of mixed pattern types (exact, prefix, numeric,
 * anything-but, exists): the event-matching path, which ARCHITECTURE §9 warns degrades with mixed rules.
 * Setup creates the bus and the rules.
 */
final class PutEventsWorkload implements Workload {
    static final int RULES = 100;
    static final int ENTRIES_PER_CALL = 10;
    private final String bus;

    PutEventsWorkload(WorkloadSpec spec) {
        this.bus = "bench-" + spec.runId();
    }

    @Override
    public String name() {
        return "PutEvents";
    }

    @Override
    public void setup(ServiceClients clients) {
        clients.events().createEventBus(r -> r.name(bus));
        for (int i = 0; i < RULES; i++) {
            String pattern = pattern(i);
            String rule = "rule-" + i;
            clients.events().putRule(r -> r.name(rule).eventBusName(bus).eventPattern(pattern));
        }
    }

    /** Rule {@code i}'s pattern: five kinds in turn, each with values that vary with {@code i}. */
    static String pattern(int i) {
        String source = "\"source\":[\"bench.app" + (i % 10) + "\"]";
        return switch (i % 5) {
            case 0 -> "{" + source + ",\"detail-type\":[\"OrderPlaced\"]}";
            case 1 -> "{" + source + ",\"detail\":{\"orderId\":[{\"prefix\":\"ord-" + (i % 10) + "\"}]}}";
            case 2 -> "{" + source + ",\"detail\":{\"amount\":[{\"numeric\":[\">\"," + i + ",\"<=\"," + (i + 500) + "]}]}}";
            case 3 -> "{" + source + ",\"detail\":{\"status\":[{\"anything-but\":[\"cancelled\",\"failed\"]}]}}";
            default -> "{" + source + ",\"detail\":{\"customer\":{\"tier\":[{\"exists\":true}]}}}";
        };
    }

    @Override
    public void call(ServiceClients clients, int worker) {
        List<PutEventsRequestEntry> entries = new ArrayList<>(ENTRIES_PER_CALL);
        for (int i = 0; i < ENTRIES_PER_CALL; i++) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(bus).source("bench.app" + i)
                    .detailType("OrderPlaced").detail(detail(worker, i)).build());
        }
        clients.events().putEvents(r -> r.entries(entries));
    }

    static String detail(int worker, int i) {
        return "{\"orderId\":\"ord-" + i + "-" + worker + "\",\"amount\":" + (i * 37 % 600) + ",\"status\":\""
                + (i % 4 == 0 ? "cancelled" : "placed") + "\",\"customer\":{\"id\":\"c-" + worker + "\""
                + (i % 2 == 0 ? ",\"tier\":\"gold\"" : "") + "},\"items\":[{\"sku\":\"sku-1\",\"qty\":2}]}";
    }

    @Override
    public void teardown(ServiceClients clients) {
        for (int i = 0; i < RULES; i++) {
            String rule = "rule-" + i;
            clients.events().deleteRule(r -> r.name(rule).eventBusName(bus));
        }
        clients.events().deleteEventBus(r -> r.name(bus));
    }
}
