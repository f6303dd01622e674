package io.watchpost.cloudwatch.math;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A runtime value: a scalar, one series or an array of series. */
sealed interface Value {
    record Scalar(double value) implements Value {}

    record Single(TimeSeries series) implements Value {
        public Single {
            requireNonNull(series, "series is null");
        }
    }

    record Many(List<TimeSeries> series) implements Value {
        public Many {
            series = List.copyOf(series);
        }
    }

    default List<TimeSeries> asList() {
        return switch (this) {
            case Single single -> List.of(single.series());
            case Many many -> many.series();
            case Scalar scalar -> throw new IllegalStateException("a scalar is not a series");
        };
    }
}
