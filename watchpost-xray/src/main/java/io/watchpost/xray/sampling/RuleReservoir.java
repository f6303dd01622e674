package io.watchpost.xray.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared reservoir of one sampling rule: {@code reservoirSize} traces per second across every client that
 * reports for the rule, divided among the clients active in the last two intervals in proportion to their
 * request rates (evenly when none has requests), by largest remainder so the quotas never add up to more than the
 * reservoir. A client whose quota is 0 borrows one trace a second on its own, as the SDKs do; what it borrowed
 * comes back in its statistics. Also keeps the statistics of the current and previous 10-second window for
 * GetSamplingStatisticSummaries. Not thread-safe: guarded by {@link SamplingTargetsService}.
 */
final class RuleReservoir {
    static final long INTERVAL_MILLIS = 10_000;

    private final Map<String, Client> clients = new HashMap<>();
    private Window current = new Window(Long.MIN_VALUE);
    private Window previous;

    /** One client's last report. */
    private record Client(long lastSeenMillis, double requestsPerSecond) {}

    /** Statistics reported within one 10-second window. */
    static final class Window {
        final long startMillis;
        long requests;
        long sampled;
        long borrowed;

        Window(long startMillis) {
            this.startMillis = startMillis;
        }
    }

    /** Records a client's report and returns its quota of {@code reservoirSize} per second. */
    int report(String clientId, long requests, long sampled, long borrowed, long nowMillis, int reservoirSize) {
        clients.put(clientId, new Client(nowMillis, requests * 1000.0 / INTERVAL_MILLIS));
        long windowStart = Math.floorDiv(nowMillis, INTERVAL_MILLIS) * INTERVAL_MILLIS;
        if (current.startMillis != windowStart) {
            previous = current.startMillis == Long.MIN_VALUE ? null : current;
            current = new Window(windowStart);
        }
        current.requests += requests;
        current.sampled += sampled;
        current.borrowed += borrowed;
        clients.values().removeIf(client -> client.lastSeenMillis() < nowMillis - 2 * INTERVAL_MILLIS);
        return quotas(reservoirSize).getOrDefault(clientId, 0);
    }

    /** The most recent window with statistics, if any. */
    Window latest() {
        return current.startMillis == Long.MIN_VALUE ? previous : current;
    }

    private Map<String, Integer> quotas(int reservoirSize) {
        double totalRate = clients.values().stream().mapToDouble(Client::requestsPerSecond).sum();
        List<Map.Entry<String, Double>> shares = new ArrayList<>();
        clients.forEach((id, client) -> shares.add(Map.entry(id, totalRate == 0
                ? (double) reservoirSize / clients.size()
                : reservoirSize * client.requestsPerSecond() / totalRate)));
        Map<String, Integer> quotas = new HashMap<>();
        int given = 0;
        for (Map.Entry<String, Double> share : shares) {
            int whole = (int) Math.floor(share.getValue());
            quotas.put(share.getKey(), whole);
            given += whole;
        }
        shares.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue() - Math.floor(e.getValue()))
                .reversed().thenComparing(Map.Entry::getKey));
        for (int i = 0; given < reservoirSize && i < shares.size(); i++, given++) {
            quotas.merge(shares.get(i).getKey(), 1, Integer::sum);
        }
        return quotas;
    }
}
