package io.watchpost.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mute-rule schedules: which instants fall inside a window, for cron and at expressions, durations and zones. */
class MuteScheduleTest {

    @ParameterizedTest(name = "{0} {1} {2} at {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # expression              | duration | zone             | instant                  | in a window
            cron(0 2 * * *)           | PT4H     | -                | 2025-03-01T02:00:00Z     | true
            cron(0 2 * * *)           | PT4H     | -                | 2025-03-01T05:59:59Z     | true
            cron(0 2 * * *)           | PT4H     | -                | 2025-03-01T06:00:00Z     | false
            cron(0 2 * * *)           | PT4H     | -                | 2025-03-01T01:59:59Z     | false
            cron(0 2 * * SUN)         | PT4H     | -                | 2025-03-02T03:00:00Z     | true
            cron(0 2 * * SUN)         | PT4H     | -                | 2025-03-01T03:00:00Z     | false
            cron(0 2 * * 0)           | PT4H     | -                | 2025-03-02T03:00:00Z     | true
            cron(0 2 * * 7)           | PT4H     | -                | 2025-03-02T03:00:00Z     | true
            cron(0 18 * * FRI)        | P2DT12H  | -                | 2025-03-02T23:00:00Z     | true
            cron(0 18 * * FRI)        | P2DT12H  | -                | 2025-03-03T06:00:00Z     | false
            cron(0 1 1 * *)           | PT6H     | -                | 2025-03-01T04:00:00Z     | true
            cron(0 1 1 * *)           | PT6H     | -                | 2025-03-02T04:00:00Z     | false
            cron(0 1 1 JAN-MAR *)     | PT6H     | -                | 2025-04-01T04:00:00Z     | false
            cron(0 1 1,15 * MON)      | PT1H     | -                | 2025-03-03T01:30:00Z     | true
            cron(0 1 1,15 * MON)      | PT1H     | -                | 2025-03-15T01:30:00Z     | true
            cron(0 1 1,15 * MON)      | PT1H     | -                | 2025-03-04T01:30:00Z     | false
            cron(*/15 * * * *)        | PT1M     | -                | 2025-03-01T12:30:30Z     | true
            cron(*/15 * * * *)        | PT1M     | -                | 2025-03-01T12:31:30Z     | false
            cron(0 2 * * *)           | PT4H     | America/New_York | 2025-03-01T08:00:00Z     | true
            cron(0 2 * * *)           | PT4H     | America/New_York | 2025-03-01T03:00:00Z     | false
            at(2025-03-01T14:00)      | PT2H     | -                | 2025-03-01T15:00:00Z     | true
            at(2025-03-01T14:00)      | PT2H     | -                | 2025-03-01T16:00:00Z     | false
            at(2025-03-01T14:00)      | PT2H     | Asia/Tokyo       | 2025-03-01T05:30:00Z     | true
            at(2025-03-01T14:00)      | P15D     | -                | 2025-03-16T13:59:00Z     | true
            """)
    void windows(String expression, String duration, String zone, String instant, boolean inWindow) {
        MuteSchedule schedule = MuteSchedule.parse(expression, duration, zone);
        assertThat(schedule.windowAt(Instant.parse(instant)).isPresent()).isEqualTo(inWindow);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            cron(0 2 * *)          | PT1H  | -            | Invalid cron expression: cron(0 2 * *). A cron expression has five fields: Minutes Hours Day-of-month Month Day-of-week
            cron(60 2 * * *)       | PT1H  | -            | Invalid cron expression: cron(60 2 * * *). '60' is not a value between 0 and 59
            cron(0 2 * FOO *)      | PT1H  | -            | Invalid cron expression: cron(0 2 * FOO *). 'FOO' is not a value between 1 and 12
            cron(0 5-2 * * *)      | PT1H  | -            | Invalid cron expression: cron(0 5-2 * * *). Range 5-2 ends before it starts
            rate(5 minutes)        | PT1H  | -            | Invalid schedule expression: rate(5 minutes). Use cron(Minutes Hours Day-of-month Month Day-of-week) or at(yyyy-MM-ddThh:mm)
            at(2025-02-30T10:00)   | PT1H  | -            | Invalid at expression: at(2025-02-30T10:00)
            at(2025-03-01)         | PT1H  | -            | Invalid schedule expression: at(2025-03-01). Use cron(Minutes Hours Day-of-month Month Day-of-week) or at(yyyy-MM-ddThh:mm)
            cron(0 2 * * *)        | PT30S | -            | Invalid duration: PT30S. The duration must be between PT1M and P15D
            cron(0 2 * * *)        | P16D  | -            | Invalid duration: P16D. The duration must be between PT1M and P15D
            cron(0 2 * * *)        | 4h    | -            | Invalid duration: 4h. Use an ISO 8601 duration such as PT4H or P2DT12H
            cron(0 2 * * *)        | PT1H  | Mars/Olympus | Invalid timezone: Mars/Olympus
            """)
    void rejects(String expression, String duration, String zone, String message) {
        assertThatThrownBy(() -> MuteSchedule.parse(expression, duration, zone))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cron(0 2 * * *), RECURRING", "at(2025-03-01T14:00), ONE_TIME"})
    void muteType(String expression, String type) {
        assertThat(MuteSchedule.parse(expression, "PT1H", null).muteType()).isEqualTo(type);
    }
}
