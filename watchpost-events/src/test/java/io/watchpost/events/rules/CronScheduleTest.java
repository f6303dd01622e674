package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cron(0 10 * * ? *)|2025-03-03T10:00:00Z|true",
        "cron(0 10 * * ? *)|2025-03-03T10:01:00Z|false",
        "cron(0/15 * * * ? *)|2025-03-03T10:45:00Z|true",
        "cron(0/15 * * * ? *)|2025-03-03T10:46:00Z|false",
        "cron(0 18 ? * MON-FRI *)|2025-03-07T18:00:00Z|true",
        "cron(0 18 ? * MON-FRI *)|2025-03-08T18:00:00Z|false",
        "cron(0 8 1 * ? *)|2025-04-01T08:00:00Z|true",
        "cron(0 0 L * ? *)|2025-02-28T00:00:00Z|true",
        "cron(0 0 L * ? *)|2025-02-27T00:00:00Z|false",
        "cron(0 0 LW * ? *)|2025-08-29T00:00:00Z|true",
        "cron(0 0 15W * ? *)|2025-03-14T00:00:00Z|true",
        "cron(0 0 ? * 2#1 *)|2025-03-03T00:00:00Z|true",
        "cron(0 0 ? * 2#1 *)|2025-03-10T00:00:00Z|false",
        "cron(0 0 ? * 6L *)|2025-03-28T00:00:00Z|true",
        "cron(0 0 * * ? 2026)|2025-03-28T00:00:00Z|false",
    })
    void matchesMinutes(String expression, String minute, boolean expected) {
        assertThat(CronSchedule.parse(expression).matches(ZonedDateTime.parse(minute))).isEqualTo(expected);
    }
}
