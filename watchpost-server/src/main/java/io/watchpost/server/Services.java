package io.watchpost.server;

import io.watchpost.cloudtrail.TrailDeliveryConfig;
import io.watchpost.cloudtrail.TrailsService;
import io.watchpost.cloudtrail.lookup.InsightsDataService;
import io.watchpost.cloudtrail.lookup.LookupEventsService;
import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.cloudtrail.recorder.RecorderConfig;
import io.watchpost.cloudwatch.DashboardsService;
import io.watchpost.cloudwatch.alarms.AlarmTagStore;
import io.watchpost.cloudwatch.alarms.AlarmsService;
import io.watchpost.cloudwatch.math.MetricDataService;
import io.watchpost.cloudwatch.metrics.MetricsService;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Scope;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.core.port.Scheduler;
import io.watchpost.events.EventBusService;
import io.watchpost.events.EventTagsService;
import io.watchpost.events.SchemaRegistryService;
import io.watchpost.events.apidestination.ApiDestinationInvoker;
import io.watchpost.events.apidestination.ApiDestinationsService;
import io.watchpost.events.archive.ArchiveService;
import io.watchpost.events.endpoint.EndpointsService;
import io.watchpost.events.partner.PartnerSources;
import io.watchpost.events.partner.PartnerSourcesService;
import io.watchpost.events.rules.EventRulesService;
import io.watchpost.events.targets.DurableDeliveries;
import io.watchpost.logs.LogFiltersService;
import io.watchpost.logs.LogsService;
import io.watchpost.logs.delivery.DeliveriesService;
import io.watchpost.logs.destination.DestinationsService;
import io.watchpost.logs.export.ExportTasksService;
import io.watchpost.logs.filter.FilterPatternService;
import io.watchpost.logs.metrics.IncomingMetrics;
import io.watchpost.logs.settings.LogGroupSettingsService;
import io.watchpost.logs.stream.LogEventsService;
import io.watchpost.s3.S3Service;
import io.watchpost.server.config.ServerConfig;
import io.watchpost.server.delivery.HttpDestinations;
import io.watchpost.store.RecordLogConfig;
import io.watchpost.store.StateJournal;
import io.watchpost.store.outbox.Outbox;
import io.watchpost.xray.SamplingRulesService;
import io.watchpost.xray.daemon.XrayDaemon;
import io.watchpost.xray.otlp.OtlpTraceReceiver;
import io.watchpost.xray.sampling.SamplingTargetsService;
import io.watchpost.xray.settings.XraySettingsService;
import io.watchpost.xray.tagging.TaggingService;
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
import java.util.Map.Entry;

/**
 * Every service module's service objects and the long-lived components behind them; the one place that knows
 * them all and builds the graph by hand. Components are closed in reverse order of construction, so producers
 * stop before what they write to: the recorder, built first, drains its queue to disk last.
 */
final class Services implements Closeable {
    private final List<WatchpostService> services;
    private final CloudTrailRecorder recorder;
    private final int daemonPort;
    private final OtlpTraceReceiver otlpTraces;
    private final List<Closer> closeables;

    /** Something to stop at shutdown. */
    @FunctionalInterface
    private interface Closer {
        void close() throws Exception;
    }

    private Services(List<WatchpostService> services, CloudTrailRecorder recorder, int daemonPort,
            OtlpTraceReceiver otlpTraces, List<Closer> closeables) {
        this.services = services;
        this.recorder = recorder;
        this.daemonPort = daemonPort;
        this.otlpTraces = otlpTraces;
        this.closeables = closeables;
    }

    static Services create(StateJournal journal, ServerConfig config, Clock clock, PageTokens pageTokens,
            Scheduler scheduler) throws IOException {
        Builder graph = new Builder(journal, config, clock, pageTokens, scheduler);
        try {
            return graph.build();
        } catch (IOException | RuntimeException e) {
            graph.closeQuietly();
            throw e;
        }
    }

    /** Builds the graph in dependency order, remembering what to close. */
    private static final class Builder {
        private final StateJournal journal;
        private final ServerConfig config;
        private final Clock clock;
        private final PageTokens tokens;
        private final Scheduler scheduler;
        private final Path dataDir;
        private final SecureRandom random = new SecureRandom();
        private final List<Closer> closeables = new ArrayList<>();
        private final List<WatchpostService> services = new ArrayList<>();

        Builder(StateJournal journal, ServerConfig config, Clock clock, PageTokens tokens, Scheduler scheduler) {
            this.journal = journal;
            this.config = config;
            this.clock = clock;
            this.tokens = tokens;
            this.scheduler = scheduler;
            this.dataDir = config.dataDir();
        }

        private <T extends AutoCloseable> T closing(T closeable) {
            closeables.add(closeable::close);
            return closeable;
        }

        Services build() throws IOException {
            CloudTrailRecorder recorder = closing(new CloudTrailRecorder(dataDir.resolve("cloudtrail").resolve("events"),
                    RecorderConfig.defaults(), clock, random, scheduler));
            HttpDestinations destinations = new HttpDestinations(config.destinations());

            MetricsService metrics = closing(new MetricsService(journal, dataDir.resolve("metrics"), clock, scheduler,
                    tokens));
            DashboardsService dashboards = new DashboardsService(journal, clock, tokens);
            metrics.registerTaggable("dashboard/", dashboards::dashboardExists);
            S3Service s3 = new S3Service(journal, dataDir.resolve("s3").resolve("objects"), clock);

            LogsService logGroups = new LogsService(journal, clock, tokens);
            LogEventsService logEvents = closing(new LogEventsService(journal, logGroups, dataDir.resolve("logs"),
                    clock, scheduler, tokens));
            Outbox subscriptions = closing(Outbox.open(dataDir.resolve("logs").resolve("subscription-outbox"),
                    new Outbox.Config(10_000, Outbox.Config.defaults().pollPeriod(), config.durability())
                            .withOwnThread(), clock,
                    random, scheduler, Deliveries.subscriptionSender(destinations),
                    Deliveries.subscriptionDeadLetters()));
            LogFiltersService logFilters = new LogFiltersService(journal, clock, tokens, metrics.sink(),
                    Deliveries.subscriptions(subscriptions));
            logEvents.addIngestListener(logFilters.metricFilterListener());
            logEvents.addIngestListener(logFilters.subscriptionListener());
            logEvents.addIngestListener(new IncomingMetrics(metrics.sink()));
            // A crash between storing a batch and enqueueing its subscription deliveries must not lose them.
            logEvents.replayAfterCrash(logFilters.subscriptionListener(), java.time.Duration.ofSeconds(5));
            ExportTasksService exports = new ExportTasksService(journal, logGroups, logEvents, s3, clock, scheduler,
                    tokens);
            closeables.add(exports::close);

            DurableDeliveries deliveries = closing(DurableDeliveries.open(dataDir.resolve("events").resolve("outbox"),
                    clock, random, scheduler, logEvents.logSink(),
                    Deliveries.targets(destinations, new ApiDestinationInvoker(journal, clock)),
                    new Outbox.Config(10_000, Outbox.Config.defaults().pollPeriod(), config.durability())
                            .withOwnThread()));
            PartnerSources partnerSources = new PartnerSources(journal, clock);
            EventBusService eventBuses = new EventBusService(journal, clock, tokens, partnerSources);
            EventRulesService rules = new EventRulesService(journal, clock, tokens, deliveries, random, scheduler);
            rules.metricsTo(metrics.sink());
            deliveries.metricsTo(metrics.sink());
            EventPublisher bus = rules.publisher();
            ArchiveService archives = closing(new ArchiveService(journal, dataDir.resolve("events").resolve("archives"),
                    RecordLogConfig.defaults().withDurability(config.durability()), clock, scheduler, tokens, rules));

            AlarmsService[] alarmsRef = new AlarmsService[1];
            AlarmActions actions = closing(new AlarmActions(destinations, () -> bus, () -> alarmsRef[0]));
            AlarmsService alarms = new AlarmsService(journal, metrics.dataSource(), clock, scheduler, tokens,
                    actions, new AlarmTagStore() {
                        @Override
                        public void put(String alarmArn, Map<String, String> tags) {
                            metrics.putTags(alarmArn, tags);
                        }

                        @Override
                        public void remove(String alarmArn) {
                            metrics.removeTags(alarmArn);
                        }
                    });
            alarmsRef[0] = alarms;
            metrics.registerTaggable("alarm:", alarms::alarmExists);
            metrics.registerTaggable("alarm-mute-rule:", alarms::muteRuleExists);

            SamplingRulesService samplingRules = new SamplingRulesService(journal, clock, tokens);
            SamplingTargetsService samplingTargets = new SamplingTargetsService(samplingRules, clock);
            TraceService traces = closing(new TraceService(journal, dataDir, clock, scheduler, tokens));
            // Unsigned X-Ray traffic (daemon UDP, OTLP) belongs to the default account in us-east-1.
            Scope unsigned = new Scope(config.auth().defaultAccountId(), "us-east-1");
            OtlpTraceReceiver otlpTraces = new OtlpTraceReceiver(traces, unsigned);
            int daemonPort = -1;
            if (config.xrayDaemonPort() >= 0) {
                XrayDaemon daemon = new XrayDaemon(traces, samplingRules, samplingTargets,
                        unsigned.accountId(), unsigned.region(), clock);
                closeables.add(daemon::close);
                daemonPort = daemon.start(config.host(), config.xrayDaemonPort());
            }

            TrailsService trails = new TrailsService(journal, clock, tokens,
                    new TrailDeliveryConfig(dataDir.resolve("cloudtrail").resolve("keys"),
                            config.trailDeliveryInterval()),
                    s3, recorder, logEvents.logSink(), bus, scheduler, random);
            closeables.add(trails::stopDelivery);

            DeliveriesService logDeliveries = new DeliveriesService(journal, tokens);
            services.addAll(List.of(
                    dashboards, metrics, new MetricDataService(metrics.dataSource(), clock, tokens), alarms,
                    logGroups, new LogGroupSettingsService(journal, logGroups, logDeliveries, clock, tokens), logEvents,
                    logFilters, new FilterPatternService(), exports,
                    new DestinationsService(journal, clock, tokens), logDeliveries,
                    eventBuses, rules, new EventTagsService(eventBuses.tagStore(), rules.tagStore()),
                    new PartnerSourcesService(partnerSources, tokens, rules::putPartnerEvent, random), archives,
                    new EndpointsService(journal, clock, tokens, random),
                    new ApiDestinationsService(journal, clock, tokens, random),
                    new SchemaRegistryService(journal, tokens),
                    samplingRules, samplingTargets, traces,
                    new TaggingService(List.of(traces.taggedGroups(), samplingRules.tagged())),
                    new XraySettingsService(journal, clock, tokens),
                    trails, new LookupEventsService(recorder, clock, tokens),
                    new InsightsDataService(recorder, clock, tokens, trails::checkInsightSource),
                    s3));
            return new Services(List.copyOf(services), recorder, daemonPort, otlpTraces, List.copyOf(closeables));
        }

        void closeQuietly() {
            try {
                closeAll(closeables);
            } catch (IOException e) {
                System.getLogger(Services.class.getName()).log(System.Logger.Level.WARNING,
                        "closing a half-built service graph failed", e);
            }
        }
    }

    /** The OTLP/HTTP traces endpoint ({@code /v1/traces}) feeding X-Ray. */
    OtlpTraceReceiver otlpTraces() {
        return otlpTraces;
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
        for (Entry<String, List<ApiHandlers>> entry : parts.entrySet()) {
            merged.put(entry.getKey(), ApiHandlers.merge(entry.getValue()));
        }
        return merged;
    }

    @Override
    public void close() throws IOException {
        closeAll(closeables);
    }

    /** Closes in reverse order even when one fails; the first failure is thrown with the others suppressed. */
    private static void closeAll(List<Closer> closeables) throws IOException {
        IOException failure = null;
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                IOException wrapped = e instanceof IOException io ? io : new IOException(e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
