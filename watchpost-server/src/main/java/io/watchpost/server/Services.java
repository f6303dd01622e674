package io.watchpost.server;

import io.watchpost.cloudtrail.TrailsService;
import io.watchpost.cloudtrail.lookup.LookupEventsService;
import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.RecorderConfig;
import io.watchpost.cloudwatch.DashboardsService;
import io.watchpost.cloudwatch.math.MetricDataService;
import io.watchpost.cloudwatch.metrics.MetricsService;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.EventBusService;
import io.watchpost.events.SchemaRegistryService;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.DeliveryQueue;
import io.watchpost.logs.LogFiltersService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.stream.LogEventsService;
import io.watchpost.logs.filter.FilterPatternService;
import io.watchpost.store.StateJournal;
import io.watchpost.server.config.ServerConfig;
import io.watchpost.server.delivery.HttpDestinations;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.daemon.XrayDaemon;
import io.watchpost.xray.sampling.SamplingTargetsService;
import io.watchpost.xray.traces.TraceService;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every service module's service objects and the long-lived components behind them (the metric store, the
 * CloudTrail recorder, the EventBridge delivery queue); the one place that knows them all. Closing stops the
 * components in the order that loses nothing: deliveries first, then the metric store, then the recorder, which
 * drains its queue to disk.
 */
final class Services implements Closeable {
    private final List<WatchpostService> services;
    private final CloudTrailRecorder recorder;
    private final DeliveryQueue deliveries;
    private final MetricsService metrics;
    private final TraceService traces;
    private final LogEventsService logEvents;
    private final Optional<XrayDaemon> daemon;
    private final int daemonPort;

    private Services(List<WatchpostService> services, CloudTrailRecorder recorder, DeliveryQueue deliveries,
            MetricsService metrics, TraceService traces, LogEventsService logEvents, Optional<XrayDaemon> daemon,
            int daemonPort) {
        this.logEvents = logEvents;
        this.daemonPort = daemonPort;
        this.services = services;
        this.recorder = recorder;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.traces = traces;
        this.daemon = daemon;
    }

    static Services create(StateJournal journal, ServerConfig config, Clock clock, PageTokens pageTokens,
            Scheduler scheduler) throws IOException {
        Path dataDir = config.dataDir();
        CloudTrailRecorder recorder = new CloudTrailRecorder(dataDir.resolve("cloudtrail").resolve("events"),
                RecorderConfig.defaults(), clock, new SecureRandom(), scheduler);
        HttpDestinations destinations = new HttpDestinations(config.destinations());
        DeliveryQueue deliveries = new DeliveryQueue(Deliveries.targets(destinations), 10_000);
        deliveries.start();
        MetricsService metrics = new MetricsService(journal, dataDir.resolve("metrics"), clock, scheduler,
                pageTokens);
        DashboardsService dashboards = new DashboardsService(journal, clock, pageTokens);
        metrics.registerTaggable("dashboard/", dashboards::dashboardExists);
        SamplingRulesService samplingRules = new SamplingRulesService(journal, clock, pageTokens);
        SamplingTargetsService samplingTargets = new SamplingTargetsService(samplingRules, clock);
        TraceService traces = new TraceService(journal, dataDir, clock, scheduler, pageTokens);
        Optional<XrayDaemon> daemon = Optional.empty();
        int daemonPort = -1;
        if (config.xrayDaemonPort() >= 0) {
            XrayDaemon started = new XrayDaemon(traces, samplingRules, samplingTargets,
                    config.auth().defaultAccountId(), "us-east-1", clock);
            daemonPort = started.start(config.host(), config.xrayDaemonPort());
            daemon = Optional.of(started);
        }
        LogsService logGroups = new LogsService(journal, clock, pageTokens);
        LogEventsService logEvents = new LogEventsService(journal, logGroups, dataDir.resolve("logs"), clock,
                scheduler, pageTokens);
        LogFiltersService logFilters = new LogFiltersService(journal, clock, pageTokens, metrics.sink(),
                Deliveries.subscriptions(destinations));
        logEvents.addIngestListener(logFilters.metricFilterListener());
        logEvents.addIngestListener(logFilters.subscriptionListener());
        List<WatchpostService> services = List.of(
                dashboards,
                metrics,
                new MetricDataService(metrics.dataSource(), clock, pageTokens),
                logGroups,
                logEvents,
                logFilters,
                new FilterPatternService(),
                new EventBusService(journal, clock, pageTokens),
                new EventRulesService(journal, clock, pageTokens, deliveries),
                new SchemaRegistryService(journal, pageTokens),
                samplingRules,
                samplingTargets,
                traces,
                new TrailsService(journal, clock, pageTokens),
                new LookupEventsService(recorder, clock, pageTokens));
        return new Services(services, recorder, deliveries, metrics, traces, logEvents, daemon, daemonPort);
    }

    /** The X-Ray daemon's port, or -1 when it is off. */
    int xrayDaemonPort() {
        return daemonPort;
    }

    List<WatchpostService> all() {
        return services;
    }

    ApiCallRecorder recorder() {
        return recorder;
    }

    CloudTrailRecorder cloudTrail() {
        return recorder;
    }

    /** One set of handlers per AWS service, merged from every service object that serves it. */
    Map<String, ApiHandlers> handlersByEndpoint() {
        Map<String, List<ApiHandlers>> parts = new LinkedHashMap<>();
        services.forEach(service -> parts.computeIfAbsent(service.endpointPrefix(), p -> new ArrayList<>())
                .add(service.handlers()));
        Map<String, ApiHandlers> merged = new LinkedHashMap<>();
        parts.forEach((prefix, list) -> merged.put(prefix, ApiHandlers.merge(list)));
        return merged;
    }

    @Override
    public void close() throws IOException {
        daemon.ifPresent(XrayDaemon::close);
        deliveries.close();
        closeAll(metrics::close, traces::close, logEvents::close, recorder::close);
    }

    /** Closes every component even when one fails; the first failure is thrown with the others suppressed. */
    private static void closeAll(Closeable... closeables) throws IOException {
        IOException failure = null;
        for (Closeable closeable : closeables) {
            try {
                closeable.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
