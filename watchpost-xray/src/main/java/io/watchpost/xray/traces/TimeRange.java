package io.watchpost.xray.traces;

import io.watchpost.core.AwsError;
import io.watchpost.core.ConstraintViolations;
import java.time.Instant;

/** A request's required {@code StartTime}/{@code EndTime}, checked present and in order. */
record TimeRange(Instant start, Instant end) {
    static TimeRange check(Instant start, Instant end) {
        ConstraintViolations violations = new ConstraintViolations();
        if (start == null) {
            violations.missing("startTime");
        }
        if (end == null) {
            violations.missing("endTime");
        }
        violations.throwIfAny(AwsError.XRAY_INVALID_REQUEST);
        if (end.isBefore(start)) {
            throw TraceService.invalid("StartTime must be before EndTime");
        }
        return new TimeRange(start, end);
    }
}
