package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchpost.bench.workload.ServiceClients;
import io.watchpost.bench.workload.Workload;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The loop's bounds and bookkeeping, with in-memory workloads (no server, no client). */
class LoadRunnerTest {
    private static Workload workload(Runnable call) {
        return new Workload() {
            @Override
            public String name() {
                return "Fake";
            }

            @Override
            public void setup(ServiceClients clients) {}

            @Override
            public void call(ServiceClients clients, int worker) {
                call.run();
            }
        };
    }

    @Test
    void stopsAtTheCallBoundLongBeforeTheDeadline() {
        AtomicInteger calls = new AtomicInteger();
        LoadRunner runner = new LoadRunner(3, 500, Duration.ofSeconds(1));
        LoadRunner.Outcome outcome = runner.run(workload(calls::incrementAndGet), null, Duration.ofMinutes(10));
        assertThat(calls).hasValue(500);
        assertThat(outcome.successes()).isEqualTo(500);
        assertThat(outcome.latencies().getTotalCount()).isEqualTo(500);
        assertThat(outcome.errors()).isZero();
        assertThat(outcome.firstError()).isNull();
        assertThat(outcome.aborted()).isFalse();
        assertThat(outcome.elapsedNanos()).isPositive();
    }

    @Test
    void anEndpointThatOnlyFailsIsCountedAndStoppedEarly() {
        AwsServiceException notImplemented = AwsServiceException.builder().statusCode(501)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotImplemented").build()).build();
        LoadRunner runner = new LoadRunner(2, 1_000_000, Duration.ofSeconds(1));
        LoadRunner.Outcome outcome = runner.run(workload(() -> {
            throw notImplemented;
        }), null, Duration.ofMinutes(10));
        assertThat(outcome.successes()).isZero();
        assertThat(outcome.errors()).isBetween((long) LoadRunner.ABORT_AFTER_ERRORS, LoadRunner.ABORT_AFTER_ERRORS + 2L);
        assertThat(outcome.firstError()).isEqualTo("NotImplemented");
        assertThat(outcome.aborted()).isTrue();
    }

    @Test
    void errorsAfterASuccessDoNotStopTheRound() {
        AtomicInteger calls = new AtomicInteger();
        LoadRunner runner = new LoadRunner(1, 1_000, Duration.ofSeconds(1));
        LoadRunner.Outcome outcome = runner.run(workload(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("flaky");
            }
        }), null, Duration.ofMinutes(10));
        assertThat(outcome.successes()).isEqualTo(1);
        assertThat(outcome.errors()).isEqualTo(999);
        assertThat(outcome.firstError()).isEqualTo("IllegalStateException");
        assertThat(outcome.aborted()).isFalse();
    }
}
