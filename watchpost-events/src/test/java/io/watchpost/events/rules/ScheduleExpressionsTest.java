package io.watchpost.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleExpressionsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(1 minute)|true", "rate(5 minutes)|true", "rate(1 minutes)|false", "rate(5 minute)|false",
        "rate(0 minutes)|false", "rate(1 day)|true", "rate(2 hours)|true", "rate(1 week)|false",
        "cron(0 12 * * ? *)|true", "cron(15 10 ? * 6L 2019-2022)|true", "cron(0/15 * * * ? *)|true",
        "cron(0 8 1 * ? *)|true", "cron(0 9 ? * 2#1 *)|true", "cron(0 18 ? * MON-FRI *)|true", "cron(0 0 L * ? *)|true",
        "cron(0 0 15W * ? *)|true", "cron(0 12 * * * *)|false", "cron(0 12 ? * ? *)|false", "cron(0 12 * * ?)|false",
        "cron(60 12 * * ? *)|false", "cron(0 24 * * ? *)|false", "cron(0 12 * 13 ? *)|false", "cron(0 12 * JAN ? 2300)|false",
        "every minute|false"})
    void parsesAsEventBridgeDoes(String expression, boolean valid) {
        assertThat(ScheduleExpressions.valid(expression)).isEqualTo(valid);
    }
}
