package io.watchpost.logs;

import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.port.MetricDatum;
import io.watchpost.core.port.MetricSink;
import io.watchpost.logs.ingest.IngestedEvent;
import io.watchpost.logs.subscription.SubscriptionDelivery;
import io.watchpost.logs.subscription.SubscriptionFilter;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;

/**
 * LogsService and LogFiltersService on one real journal in a temp directory, with a hand-driven clock, a metric
 * sink that collects datapoints and a delivery that collects payloads; reopen() simulates a restart.
 */
final class FiltersHarness {
    static final Scope SCOPE = new Scope(Harness.ACCOUNT, Harness.REGION);

    /** A real MetricSink: keeps what it is given. */
    static final class CollectingSink implements MetricSink {
        final List<MetricDatum> data = new CopyOnWriteArrayList<>();

        @Override
        public void put(Scope scope, List<MetricDatum> batch) {
            data.addAll(batch);
        }
    }

    record Delivered(Scope scope, SubscriptionFilter filter, byte[] payload) {}

    /** A real SubscriptionDelivery: keeps what it is given. */
    static final class CollectingDelivery implements SubscriptionDelivery {
        final List<Delivered> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(Scope scope, SubscriptionFilter filter, byte[] payload) {
            delivered.add(new Delivered(scope, filter, payload));
        }
    }

    final MutableClock clock = new MutableClock(Harness.START);
    final PageTokens tokens = new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    final CollectingSink sink = new CollectingSink();
    final CollectingDelivery delivery = new CollectingDelivery();
    private final Path dir;
    private StateJournal journal;
    private LogsService logs;
    private LogFiltersService filters;

    FiltersHarness(Path dir) throws Exception {
        this.dir = dir;
        open();
    }

    private void open() throws Exception {
        journal = StateJournal.open(dir, Durability.PROCESS);
        logs = new LogsService(journal, clock, tokens);
        filters = new LogFiltersService(journal, clock, tokens, sink, delivery);
    }

    void reopen() throws Exception {
        journal.close();
        open();
    }

    void close() throws Exception {
        journal.close();
    }

    LogFiltersService filters() {
        return filters;
    }

    <O> O call(Object request) {
        return call(Harness.context(Harness.ACCOUNT, Harness.REGION), request);
    }

    @SuppressWarnings("unchecked")
    <O> O call(RequestContext context, Object request) {
        ApiHandler<Object, Object> handler = filters.handlers().find(request.getClass())
                .or(() -> logs.handlers().find(request.getClass()))
                .orElseThrow();
        return (O) handler.handle(context, request);
    }

    void createGroup(String name) {
        call(CreateLogGroupRequest.builder().logGroupName(name).build());
    }

    void deleteGroup(String name) {
        call(DeleteLogGroupRequest.builder().logGroupName(name).build());
    }

    /** Tells both listeners of a batch, as ingestion does after storing it; each message at the given time. */
    void ingest(String group, String stream, long timestamp, String... messages) {
        List<IngestedEvent> events = new ArrayList<>();
        Arrays.stream(messages).forEach(m -> events.add(new IngestedEvent(timestamp, clock.millis(), m)));
        ingest(group, stream, events);
    }

    void ingest(String group, String stream, List<IngestedEvent> events) {
        filters.metricFilterListener().ingested(SCOPE, group, stream, events);
        filters.subscriptionListener().ingested(SCOPE, group, stream, events);
    }

    static RequestContext contextOf(String account) {
        return new RequestContext("req-1", new Principal("AKID", account, "tester"), Harness.REGION, "logs", "Op",
                "127.0.0.1", "test", Harness.START);
    }
}
