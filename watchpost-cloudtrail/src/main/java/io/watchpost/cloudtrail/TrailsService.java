package io.watchpost.cloudtrail;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudtrail.recorder.CloudTrailRecorder;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.core.port.EventPublisher;
import io.watchpost.core.port.LogSink;
import io.watchpost.core.port.ObjectStore;
import io.watchpost.core.port.Scheduler;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListInsightsMetricDataRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;

/**
 * CloudTrail trails ({@code cloudtrail}): trail CRUD, logging, selectors, tags and ListPublicKeys over the journal's
 * {@code trails}, {@code trail-settings} and {@code trail-delivery} tables; and, on the {@link Scheduler}, delivery
 * of log files (and signed digests) to the trail's bucket through {@link ObjectStore}, of records to its log group
 * through {@link LogSink}, and of {@code AWS API Call via CloudTrail} events through {@link EventPublisher}.
 * Handlers are thread-safe (the journal tables are); delivery runs on the scheduler's thread only.
 */
public final class TrailsService implements WatchpostService {
    /** How often write management events are put on the default bus (AWS: near real time). */
    static final Duration EVENT_BUS_INTERVAL = Duration.ofSeconds(1);

    /** Insights count whole minutes (AWS aggregates per minute). */
    static final Duration INSIGHTS_INTERVAL = Duration.ofMinutes(1);

    /** ListInsightsData's {@code ResourceArn} pattern. */
    private static final java.util.regex.Pattern INSIGHT_SOURCE =
            java.util.regex.Pattern.compile("[a-zA-Z0-9._/\\-:]+");

    private final TrailTables tables;
    private final TrailLookup lookup;
    private final ApiHandlers handlers;
    private final Scheduler.Cancellable deliveryTask;
    private final Scheduler.Cancellable busTask;
    private final Scheduler.Cancellable insightsTask;

    /**
     * @param recorder the records trails deliver
     * @param random the 16-character suffixes of log file names
     * @throws IOException when the digest-signing key cannot be read or created
     */
    public TrailsService(StateJournal journal, Clock clock, PageTokens pageTokens, TrailDeliveryConfig config,
            ObjectStore buckets, CloudTrailRecorder recorder, LogSink logs, EventPublisher events,
            Scheduler scheduler, RandomGenerator random) throws IOException {
        requireNonNull(clock, "clock is null");
        requireNonNull(config, "config is null");
        this.tables = TrailTables.open(journal);
        Supplier<DigestSigner> signer = DigestSigner.openInBackground(config.keyDirectory(), clock);
        this.lookup = new TrailLookup(tables.trails());
        TrailReads reads = new TrailReads(tables, pageTokens);
        TrailWrites writes = new TrailWrites(tables, lookup, buckets, clock);
        TrailSelectors selectors = new TrailSelectors(tables.trails(), tables.settings(), lookup);
        TrailTagging tagging = new TrailTagging(tables.settings(), lookup);
        PublicKeys keys = new PublicKeys(signer, clock);
        this.handlers = ApiHandlers.builder()
                .on(DescribeTrailsRequest.class, reads::describe)
                .on(ListTrailsRequest.class, reads::list)
                .on(GetTrailRequest.class, reads::get)
                .on(GetTrailStatusRequest.class, reads::status)
                .on(CreateTrailRequest.class, writes::create)
                .on(UpdateTrailRequest.class, writes::update)
                .on(DeleteTrailRequest.class, writes::delete)
                .on(StartLoggingRequest.class, writes::start)
                .on(StopLoggingRequest.class, writes::stop)
                .on(PutEventSelectorsRequest.class, selectors::putEvents)
                .on(GetEventSelectorsRequest.class, selectors::getEvents)
                .on(PutInsightSelectorsRequest.class, selectors::putInsights)
                .on(GetInsightSelectorsRequest.class, selectors::getInsights)
                .on(AddTagsRequest.class, tagging::add)
                .on(RemoveTagsRequest.class, tagging::remove)
                .on(ListTagsRequest.class, tagging::list)
                .on(ListPublicKeysRequest.class, keys::list)
                .on(ListInsightsMetricDataRequest.class,
                        new InsightMetrics(recorder, clock, pageTokens)::list)
                .build();
        TrailDelivery delivery = new TrailDelivery(tables, recorder, buckets, logs, new DigestWriter(buckets, signer),
                clock, random, config.digestPeriod());
        ApiCallEvents bus = new ApiCallEvents(tables, recorder, events, clock);
        this.deliveryTask = scheduler.schedule("cloudtrail-delivery", clock.instant().plus(config.deliveryInterval()),
                config.deliveryInterval(), delivery::run);
        this.busTask = scheduler.schedule("cloudtrail-eventbridge", clock.instant().plus(EVENT_BUS_INTERVAL),
                EVENT_BUS_INTERVAL, bus::run);
        InsightDetector insights = new InsightDetector(tables, recorder, clock, random);
        this.insightsTask = scheduler.schedule("cloudtrail-insights", clock.instant().plus(INSIGHTS_INTERVAL),
                INSIGHTS_INTERVAL, insights::run);
    }

    @Override
    public String endpointPrefix() {
        return "cloudtrail";
    }

    @Override
    public ApiHandlers handlers() {
        return handlers;
    }

    /**
     * Checks ListInsightsData's {@code InsightSource}: the ARN (3–256 characters of {@code [a-zA-Z0-9._/\-:]}) of a
     * trail the caller can see in its region; {@code InvalidParameterException} for anything else but an unknown
     * trail, which is {@code TrailNotFoundException} as for every other trail operation.
     */
    public void checkInsightSource(RequestContext context, String insightSource) {
        if (insightSource.length() < 3 || insightSource.length() > 256
                || !INSIGHT_SOURCE.matcher(insightSource).matches()
                || !TrailRef.TRAIL_ARN.matcher(insightSource).matches()) {
            throw new AwsException(AwsError.TRAIL_INVALID_PARAMETER,
                    "InsightSource must be the ARN of a trail. Specified value: " + insightSource);
        }
        lookup.home(context, insightSource);
    }

    /** Stops the scheduled deliveries (records not yet delivered are delivered after the next start). */
    public void stopDelivery() {
        deliveryTask.cancel();
        busTask.cancel();
        insightsTask.cancel();
    }

    /** The state table, for the tests that seed trails directly. */
    StateTable<TrailRecord> trails() {
        return tables.trails();
    }
}
