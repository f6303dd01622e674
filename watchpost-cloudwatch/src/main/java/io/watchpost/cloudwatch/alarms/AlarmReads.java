package io.watchpost.cloudwatch.alarms;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import io.watchpost.core.RequestContext;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmContributorsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmContributorsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * DescribeAlarms and DescribeAlarmsForMetric. Alarms come in name order (the table's key order); NextToken is the
 * last key returned, signed by {@link PageTokens}.
 */
final class AlarmReads {
    static final List<String> STATES = List.of("OK", "ALARM", "INSUFFICIENT_DATA");
    private final StateTable<AlarmRecord> alarms;
    private final CompositeEngine composites;
    private final PageTokens tokens;

    AlarmReads(StateTable<AlarmRecord> alarms, CompositeEngine composites, PageTokens tokens) {
        this.alarms = alarms;
        this.composites = composites;
        this.tokens = tokens;
    }

    DescribeAlarmsResponse describe(RequestContext context, DescribeAlarmsRequest r) {
        boolean family = validate(r);
        Scope scope = context.scope();
        String after = r.nextToken() == null ? null : tokens.decode(r.nextToken())
                .filter(k -> k.startsWith(scope.keyPrefix()))
                .orElseThrow(() -> new AwsException(AwsError.CW_INVALID_NEXT_TOKEN, "The service cannot decode "
                        + "the specified NextToken."));
        return page(scope, matches(scope, r, family, after), r.maxRecords() == null ? 50 : r.maxRecords());
    }

    /** Checks the request; returns whether it asks for the children or parents of an alarm. */
    private static boolean validate(DescribeAlarmsRequest r) {
        Violations v = new Violations();
        if (r.alarmNames().size() > 100) {
            v.violated("alarmNames", "Member must have length less than or equal to 100");
        }
        v.checkString("alarmNamePrefix", r.alarmNamePrefix(), 1, 255, null);
        v.checkString("actionPrefix", r.actionPrefix(), 1, 1024, null);
        v.checkString("childrenOfAlarmName", r.childrenOfAlarmName(), 1, 255, null);
        v.checkString("parentsOfAlarmName", r.parentsOfAlarmName(), 1, 255, null);
        v.checkEnum("stateValue", r.stateValueAsString(), STATES);
        v.checkRange("maxRecords", r.maxRecords(), 1, 100);
        for (int i = 0; i < r.alarmTypes().size(); i++) {
            v.checkEnum("alarmTypes." + (i + 1) + ".member", r.alarmTypesAsStrings().get(i),
                    List.of("CompositeAlarm", "MetricAlarm"));
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        boolean names = r.hasAlarmNames() && !r.alarmNames().isEmpty();
        if (names && r.alarmNamePrefix() != null) {
            throw AlarmValidator.combination("AlarmNames and AlarmNamePrefix cannot be specified together.");
        }
        boolean family = r.childrenOfAlarmName() != null || r.parentsOfAlarmName() != null;
        if (family && (names || r.alarmNamePrefix() != null || r.stateValue() != null || r.actionPrefix() != null
                || r.childrenOfAlarmName() != null && r.parentsOfAlarmName() != null)) {
            throw AlarmValidator.combination("If you specify ChildrenOfAlarmName or ParentsOfAlarmName, you cannot "
                    + "specify any other parameters in the request except for MaxRecords and NextToken.");
        }
        return family;
    }

    /** The matching alarms of both requested types after {@code after}, by key (name order). */
    private TreeMap<String, Object> matches(Scope scope, DescribeAlarmsRequest r, boolean family, String after) {
        boolean metricAlarms = r.alarmTypes().isEmpty() || r.alarmTypesAsStrings().contains("MetricAlarm");
        boolean compositeAlarms = r.alarmTypesAsStrings().contains("CompositeAlarm");
        Predicate<String> selected = family ? family(scope, r)::contains : n -> true;
        Filter filter = new Filter(r);
        TreeMap<String, Object> matches = new TreeMap<>();
        if (metricAlarms) {
            inScope(alarms.view(), scope, after).forEach((k, a) -> {
                if (selected.test(a.name()) && filter.test(a.name(), a.state().value(), a.okActions(), a.alarmActions(),
                        a.insufficientDataActions())) {
                    matches.put(k, a);
                }
            });
        }
        if (compositeAlarms) {
            inScope(composites.table().view(), scope, after).forEach((k, c) -> {
                if (selected.test(c.name()) && filter.test(c.name(), c.state().value(), c.okActions(),
                        c.alarmActions(), c.insufficientDataActions())) {
                    matches.put(k, c);
                }
            });
        }
        return matches;
    }

    private DescribeAlarmsResponse page(Scope scope, TreeMap<String, Object> matches, int max) {
        List<MetricAlarm> metricPage = new ArrayList<>();
        List<CompositeAlarm> compositePage = new ArrayList<>();
        String last = null;
        String next = null;
        int count = 0;
        for (Map.Entry<String, Object> e : matches.entrySet()) {
            if (count == max) {
                next = tokens.encode(last);
                break;
            }
            if (e.getValue() instanceof AlarmRecord a) {
                metricPage.add(AlarmConversions.toSdk(a, AlarmEngine.arn(scope, a.name())));
            } else if (e.getValue() instanceof CompositeRecord c) {
                compositePage.add(toSdk(scope, c));
            }
            last = e.getKey();
            count++;
        }
        return DescribeAlarmsResponse.builder().metricAlarms(metricPage).compositeAlarms(compositePage)
                .nextToken(next).build();
    }

    private static <V> Map<String, V> inScope(NavigableMap<String, V> view, Scope scope, String after) {
        String from = after == null ? scope.keyPrefix() : after;
        String to = scope.keyPrefix().substring(0, scope.keyPrefix().length() - 1) + (char) ('/' + 1);
        return view.subMap(from, after == null, to, false);
    }

    /** The names ChildrenOfAlarmName or ParentsOfAlarmName select. */
    private Set<String> family(Scope scope, DescribeAlarmsRequest r) {
        if (r.childrenOfAlarmName() != null) {
            return composites.table().get(scope.key(r.childrenOfAlarmName()))
                    .map(c -> CompositeRule.references(composites.rule(c))).orElse(Set.of());
        }
        Set<String> parents = new HashSet<>();
        composites.parentsOf(scope, r.parentsOfAlarmName()).forEach(c -> parents.add(c.name()));
        return parents;
    }

    /** ActionsSuppressedBy and ActionsSuppressedReason are present only while the alarm's actions are held. */
    private CompositeAlarm toSdk(Scope scope, CompositeRecord c) {
        String arn = AlarmEngine.arn(scope, c.name());
        CompositeRecord.Suppression held = c.suppression();
        return CompositeAlarm.builder()
                .actionsSuppressedBy(held == null ? null : held.by())
                .actionsSuppressedReason(held == null ? null : held.reason()).actionsEnabled(c.actionsEnabled()).alarmActions(c.alarmActions())
                .alarmArn(arn).alarmConfigurationUpdatedTimestamp(Instant.ofEpochMilli(c.configUpdatedMillis()))
                .alarmDescription(c.description()).alarmName(c.name()).alarmRule(c.alarmRule())
                .insufficientDataActions(c.insufficientDataActions()).okActions(c.okActions())
                .stateReason(c.state().reason()).stateReasonData(c.state().reasonData())
                .stateUpdatedTimestamp(Instant.ofEpochMilli(c.state().updatedMillis()))
                .stateValue(c.state().value())
                .stateTransitionedTimestamp(Instant.ofEpochMilli(c.stateTransitionedMillis()))
                .actionsSuppressor(c.actionsSuppressor()).actionsSuppressorWaitPeriod(c.actionsSuppressorWaitPeriod())
                .actionsSuppressorExtensionPeriod(c.actionsSuppressorExtensionPeriod()).build();
    }

    /** DescribeAlarms' name, prefix, state and action-prefix filters, shared by both alarm types. */
    private record Filter(DescribeAlarmsRequest r) {
        boolean test(String name, String state, List<String> ok, List<String> alarm, List<String> insufficient) {
            if (r.hasAlarmNames() && !r.alarmNames().isEmpty() && !r.alarmNames().contains(name)) {
                return false;
            }
            if (r.alarmNamePrefix() != null && !name.startsWith(r.alarmNamePrefix())) {
                return false;
            }
            if (r.stateValue() != null && !state.equals(r.stateValueAsString())) {
                return false;
            }
            String prefix = r.actionPrefix();
            return prefix == null || Stream.of(ok, alarm, insufficient).flatMap(List::stream)
                    .anyMatch(a -> a.startsWith(prefix));
        }
    }

    DescribeAlarmsForMetricResponse forMetric(RequestContext context, DescribeAlarmsForMetricRequest r) {
        Violations v = new Violations();
        if (r.metricName() == null) {
            v.missing("metricName");
        }
        if (r.namespace() == null) {
            v.missing("namespace");
        }
        v.checkString("metricName", r.metricName(), 1, 255, null);
        v.checkString("namespace", r.namespace(), 1, 255, null);
        v.checkEnum("statistic", r.statisticAsString(), AlarmValidator.STATISTICS);
        v.checkRange("period", r.period(), 1, Integer.MAX_VALUE);
        for (int i = 0; i < r.dimensions().size(); i++) {
            if (r.dimensions().get(i) == null || r.dimensions().get(i).name() == null) {
                v.missing("dimensions." + (i + 1) + ".member.name");
            }
        }
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        Scope scope = context.scope();
        List<AlarmRecord.Dim> dims = r.dimensions().stream().map(d -> new AlarmRecord.Dim(d.name(), d.value()))
                .sorted(java.util.Comparator.comparing(AlarmRecord.Dim::name)).toList();
        List<MetricAlarm> result = new ArrayList<>();
        for (Map.Entry<String, AlarmRecord> e : alarms.view().tailMap(scope.keyPrefix(), true).entrySet()) {
            if (!e.getKey().startsWith(scope.keyPrefix())) {
                break;
            }
            AlarmRecord a = e.getValue();
            // Metric-math alarms are left out even when a MetricStat query names the metric: the API reference says
            // this operation "does not return alarms based on math expressions that use the specified metric".
            if (!a.isMath() && r.metricName().equals(a.metricName()) && r.namespace().equals(a.namespace())
                    && (r.statistic() == null || r.statisticAsString().equals(a.statistic()))
                    && (r.extendedStatistic() == null || r.extendedStatistic().equals(a.extendedStatistic()))
                    && (r.period() == null || r.period().equals(a.period()))
                    && (r.unit() == null || r.unitAsString().equals(a.unit()))
                    && (!r.hasDimensions() || dims.equals(a.dimensions().stream()
                            .sorted(java.util.Comparator.comparing(AlarmRecord.Dim::name)).toList()))) {
                result.add(AlarmConversions.toSdk(a, AlarmEngine.arn(scope, a.name())));
            }
        }
        return DescribeAlarmsForMetricResponse.builder().metricAlarms(result).build();
    }

    /**
     * DescribeAlarmContributors. Contributors are the time series of a multi-time-series (Metrics Insights query)
     * alarm; Watchpost's metric, math and composite alarms each watch one series, so an existing alarm has none.
     */
    DescribeAlarmContributorsResponse contributors(RequestContext context, DescribeAlarmContributorsRequest r) {
        Violations v = new Violations();
        if (r.alarmName() == null) {
            v.missing("alarmName");
        }
        v.checkString("alarmName", r.alarmName(), 1, 255, null);
        v.throwIfAny(AwsError.CW_VALIDATION_ERROR);
        if (r.nextToken() != null) {
            throw new AwsException(AwsError.CW_INVALID_NEXT_TOKEN, "The service cannot decode the specified "
                    + "NextToken.");
        }
        if (composites.stateOf(context.scope(), r.alarmName()).isEmpty()) {
            throw new AwsException(AwsError.CW_RESOURCE_NOT_FOUND_EXCEPTION, "Alarm " + r.alarmName()
                    + " does not exist.");
        }
        return DescribeAlarmContributorsResponse.builder().alarmContributors(List.of()).build();
    }
}
