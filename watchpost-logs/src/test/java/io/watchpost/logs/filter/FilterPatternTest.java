package io.watchpost.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchpost.core.AwsException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the corpus cannot say: dispatch kinds, bounds, error positions, sharing between threads. */
class FilterPatternTest {
    @Test
    void dispatchesOnTheFirstCharacter() {
        assertThat(FilterPattern.compile("").kind()).isEqualTo(PatternKind.ALL);
        assertThat(FilterPattern.compile("ERROR ?WARN").kind()).isEqualTo(PatternKind.TERMS);
        assertThat(FilterPattern.compile("%ERR%").kind()).isEqualTo(PatternKind.REGEX);
        assertThat(FilterPattern.compile(" { $.a = 1 } ").kind()).isEqualTo(PatternKind.JSON);
        assertThat(FilterPattern.compile("[a, ...]").kind()).isEqualTo(PatternKind.SPACE_DELIMITED);
    }

    @Test
    void boundsThePatternLengthBeforeParsing() {
        assertThatThrownBy(() -> FilterPattern.compile("a".repeat(1025))).isInstanceOf(AwsException.class)
                .hasMessageContaining("Member must have length less than or equal to 1024");
        assertThat(FilterPattern.compile("a".repeat(1024)).matches("a".repeat(1024))).isTrue();
    }

    @Test
    void reportsWhereParsingStopped() {
        assertThatThrownBy(() -> FilterPattern.parse("{ $.a = 1, $.b = 2 }"))
                .isInstanceOfSatisfying(PatternError.class, e -> assertThat(e.position).isEqualTo(9));
    }

    @Test
    void regularExpressionsRunInLinearTime() {
        // Backtracking engines need O(n^7) steps here; RE2/J answers at once.
        FilterPattern pattern = FilterPattern.compile("%a*a*a*a*a*a*a*b%");
        assertThat(pattern.matches("a".repeat(20_000))).isFalse();
    }

    @Test
    void manyEllipsesStayPolynomial() {
        FilterPattern pattern = FilterPattern.compile("[..., x = ERROR, ..., y = FATAL, ..., z = PANIC, ...]");
        assertThat(pattern.matches("a ".repeat(2_000) + "ERROR FATAL")).isFalse();
    }

    @Test
    void oneCompiledPatternIsSharedByManyThreads() throws Exception {
        FilterPattern pattern = FilterPattern.compile("[..., status = 5*, bytes > 1000]");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                counts.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 10_000; i++) {
                        matched += pattern.matches("GET /x " + (i % 2 == 0 ? 500 : 200) + " " + i) ? 1 : 0;
                    }
                    return matched;
                }));
            }
            for (Future<Integer> count : counts) {
                assertThat(count.get()).isEqualTo(4_500 - 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
