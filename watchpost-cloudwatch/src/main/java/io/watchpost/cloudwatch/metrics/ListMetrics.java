package io.watchpost.cloudwatch.metrics;

import static java.util.Objects.requireNonNull;

import io.watchpost.cloudwatch.tsdb.SeriesKey;
import io.watchpost.cloudwatch.tsdb.TimeSeriesStore;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * ListMetrics: metrics that received data in the past two weeks (AWS: older ones "do not appear"), filtered by
 * namespace, metric name and dimensions (a filter without a value matches any value of that dimension), optionally
 * only those with data in the past three hours ({@code RecentlyActive=PT3H}); 500 per page, ordered by namespace,
 * name and dimensions, the token carrying the last one returned. {@code IncludeLinkedAccounts}/{@code OwningAccount}
 * have no effect: there are no linked accounts.
 */
final class ListMetrics {
    /** AWS: "Up to 500 results are returned for any one call to ListMetrics." */
    static final int PAGE_SIZE = 500;
    static final Duration LISTED_FOR = Duration.ofDays(14);
    static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);

    private final TimeSeriesStore store;
    private final Clock clock;
    private final PageTokens pageTokens;

    ListMetrics(TimeSeriesStore store, Clock clock, PageTokens pageTokens) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pageTokens = requireNonNull(pageTokens, "pageTokens is null");
    }

    ListMetricsResponse handle(RequestContext context, ListMetricsRequest request) {
        checkModel(request);
        Optional<String> after = after(request.nextToken());
        long now = clock.millis();
        long since = now - (request.recentlyActiveAsString() != null ? RECENTLY_ACTIVE : LISTED_FOR).toMillis();
        List<SeriesKey> matches = new ArrayList<>();
        for (TimeSeriesStore.SeriesInfo info : store.series(context.principal().accountId(), context.region())) {
            if (info.lastArrivalMillis() >= since && matches(info.key(), request)
                    && (after.isEmpty() || info.key().sortKey().compareTo(after.get()) > 0)) {
                matches.add(info.key());
            }
        }
        matches.sort(Comparator.comparing(SeriesKey::sortKey));
        List<Metric> page = matches.stream().limit(PAGE_SIZE).map(ListMetrics::metric).toList();
        String next = matches.size() > PAGE_SIZE ? pageTokens.encode(matches.get(PAGE_SIZE - 1).sortKey()) : null;
        return ListMetricsResponse.builder().metrics(page).nextToken(next).build();
    }

    private static boolean matches(SeriesKey key, ListMetricsRequest request) {
        if (request.namespace() != null && !request.namespace().equals(key.namespace())) {
            return false;
        }
        if (request.metricName() != null && !request.metricName().equals(key.metricName())) {
            return false;
        }
        for (DimensionFilter filter : request.dimensions()) {
            String value = key.dimensions().get(filter.name());
            if (value == null || (filter.value() != null && !filter.value().equals(value))) {
                return false;
            }
        }
        return true;
    }

    private static Metric metric(SeriesKey key) {
        List<Dimension> dimensions = new ArrayList<>();
        key.dimensions().forEach((name, value) -> dimensions.add(Dimension.builder().name(name).value(value).build()));
        return Metric.builder().namespace(key.namespace()).metricName(key.metricName()).dimensions(dimensions).build();
    }

    private Optional<String> after(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(pageTokens.decode(token).orElseThrow(() ->
                MetricChecks.invalidValue("Invalid NextToken.")));
    }

    private static void checkModel(ListMetricsRequest request) {
        ModelViolations violations = new ModelViolations();
        MetricChecks.namespace(violations, "namespace", request.namespace(), false);
        violations.string("metricName", request.metricName(), false, 1, MetricChecks.MAX_NAME);
        List<DimensionFilter> filters = request.dimensions();
        if (filters.size() > 10) {
            violations.lengthAtMost("dimensions", 10);
        }
        for (int i = 0; i < filters.size(); i++) {
            String prefix = "dimensions." + (i + 1) + ".member";
            if (filters.get(i) == null) {
                violations.missing(prefix);
                continue;
            }
            violations.string(prefix + ".name", filters.get(i).name(), true, 1, MetricChecks.MAX_NAME);
            violations.string(prefix + ".value", filters.get(i).value(), false, 1, MetricChecks.MAX_DIMENSION_VALUE);
        }
        String recent = request.recentlyActiveAsString();
        if (recent != null && !recent.equals("PT3H")) {
            violations.enumValue("recentlyActive", recent, "PT3H");
        }
        violations.string("owningAccount", request.owningAccount(), false, 1, 255);
        violations.throwIfAny();
    }
}
