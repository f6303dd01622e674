package io.watchpost.cloudwatch.alarms;

import static io.watchpost.cloudwatch.alarms.AlarmEvaluationTest.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.ClockScheduler;
import io.watchpost.core.MutableClock;
import io.watchpost.core.PageTokens;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.store.Durability;
import io.watchpost.store.StateJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** PutMetricAlarm's Tags reach the tag store on creation only; DeleteAlarms removes them. */
class AlarmTagsTest {
    @TempDir
    Path dir;

    @Test
    void tagsGoToTheTagStore() throws Exception {
        Map<String, Map<String, String>> store = new HashMap<>();
        AlarmTagStore tags = new AlarmTagStore() {
            @Override
            public void put(String arn, Map<String, String> t) {
                store.put(arn, t);
            }

            @Override
            public void remove(String arn) {
                store.remove(arn);
            }
        };
        MutableClock clock = new MutableClock(AlarmsHarness.START);
        try (StateJournal journal = StateJournal.open(dir, Durability.PROCESS)) {
            AlarmsService service = new AlarmsService(journal, new EmptySource(), clock, new ClockScheduler(clock),
                    new PageTokens("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)), AlarmStateListener.NONE,
                    tags);
            String arn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:a";
            call(service, alarm("a").tags(Tag.builder().key("team").value("ops").build()).build());
            assertThat(store).containsEntry(arn, Map.of("team", "ops"));
            call(service, alarm("a").tags(Tag.builder().key("team").value("other").build()).build());
            assertThat(store.get(arn)).containsEntry("team", "ops");
            call(service, DeleteAlarmsRequest.builder().alarmNames("a").build());
            assertThat(store).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static void call(AlarmsService service, Object request) {
        ApiHandler<Object, Object> handler = service.handlers().find(request.getClass()).orElseThrow();
        handler.handle(new RequestContext("r", new Principal("AKID", AlarmsHarness.ACCOUNT, "t"), "us-east-1",
                "monitoring", "Op", "127.0.0.1", "test", AlarmsHarness.START), request);
    }

    /** A data source with no data: this test never evaluates. */
    private static final class EmptySource implements io.watchpost.cloudwatch.metrics.MetricDataSource {
        @Override
        public NavigableMap<java.time.Instant, Double> statistic(io.watchpost.core.Scope scope,
                io.watchpost.cloudwatch.metrics.MetricIdentity metric, String statistic, Optional<String> unit,
                java.time.Instant start, java.time.Instant end, int periodSeconds) {
            return new TreeMap<>();
        }

        @Override
        public List<io.watchpost.cloudwatch.metrics.MetricIdentity> metrics(io.watchpost.core.Scope scope) {
            return List.of();
        }
    }
}
