package io.watchpost.cloudtrail.recorder;

import static io.watchpost.cloudtrail.recorder.RecorderFixture.ALICE;
import static io.watchpost.cloudtrail.recorder.RecorderFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.core.port.ApiCallRecorder.ApiCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void closeDrainsTheQueueAndRecordsSurviveARestart() throws Exception {
        try (RecorderFixture fixture = new RecorderFixture(dir)) {
            for (int i = 0; i < 2_000; i++) {
                fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"g" + i + "\"}", "{}");
            }
            fixture.restart(); // close() without flush(): nothing accepted may be lost
            assertThat(fixture.all()).hasSize(2_000);
            assertThat(fixture.all().getLast().key().resources().getFirst().name()).isEqualTo("g1999");
            fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{}", "{}");
            assertThat(fixture.all()).hasSize(2_001);
            assertThat(fixture.recorder().droppedCount()).isZero();
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheCaller() throws Exception {
        try (RecorderFixture fixture = new RecorderFixture(dir, RecorderConfig.defaults().withQueueCapacity(1))) {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            var ctx = RecorderFixture.context(ALICE, REGION, "PutDashboard", fixture.clock.instant());
            fixture.recorder().record(new ApiCall(ctx, "monitoring.amazonaws.com", false, () -> {
                writerBusy.countDown();
                awaitQuietly(release);
                return Optional.of("{}");
            }, () -> Optional.of("{}"), Optional.empty(), Optional.empty()));
            writerBusy.await();
            fixture.call("monitoring.amazonaws.com", "PutDashboard", false, "{}", "{}"); // fills the queue
            fixture.call("monitoring.amazonaws.com", "PutDashboard", false, "{}", "{}"); // dropped
            assertThat(fixture.recorder().droppedCount()).isEqualTo(1);
            release.countDown();
            assertThat(fixture.all()).hasSize(2);
        }
    }

    @Test
    void callsAfterCloseAreDroppedAndCounted() throws Exception {
        RecorderFixture fixture = new RecorderFixture(dir);
        fixture.close();
        fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{}", "{}");
        assertThat(fixture.recorder().droppedCount()).isEqualTo(1);
    }

    @Test
    void retentionDeletesSegmentsOlderThanNinetyDays() throws Exception {
        try (RecorderFixture fixture = new RecorderFixture(dir)) {
            fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"old\"}", "{}");
            fixture.all();
            fixture.clock.advance(Duration.ofHours(2)); // the next append seals the hour-old segment
            fixture.call("logs.amazonaws.com", "CreateLogGroup", false, "{\"logGroupName\":\"new\"}", "{}");
            assertThat(fixture.all()).hasSize(2);

            fixture.clock.advance(Duration.ofDays(89));
            fixture.scheduler.runDue();
            assertThat(fixture.all()).hasSize(2);

            fixture.clock.advance(Duration.ofDays(1));
            fixture.scheduler.runDue();
            assertThat(fixture.all()).extracting(e -> e.key().resources().getFirst().name()).containsExactly("new");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
