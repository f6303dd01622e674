package io.watchpost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatiosTest {
    @Test
    void ratioIsValueOverReference() {
        assertThat(Ratios.ratio(50, 200)).hasValue(0.25);
        assertThat(Ratios.ratio(300, 100)).hasValue(3.0);
        assertThat(Ratios.ratio(0, 100)).hasValue(0.0);
    }

    @Test
    void noRatioWithoutAPositiveKnownReference() {
        assertThat(Ratios.ratio(5, 0)).isEmpty();
        assertThat(Ratios.ratio(5, Double.NaN)).isEmpty();
        assertThat(Ratios.ratio(Double.NaN, 5)).isEmpty();
        assertThat(Ratios.ratio(-1, 5)).isEmpty();
    }

    @Test
    void formatsRatiosToAboutTwoSignificantDigits() {
        assertThat(Ratios.formatRatio(123.4)).isEqualTo("123×");
        assertThat(Ratios.formatRatio(12.34)).isEqualTo("12×");
        assertThat(Ratios.formatRatio(9.96)).isEqualTo("10×");
        assertThat(Ratios.formatRatio(3.21)).isEqualTo("3.2×");
        assertThat(Ratios.formatRatio(1.0)).isEqualTo("1.0×");
        assertThat(Ratios.formatRatio(0.456)).isEqualTo("0.46×");
        assertThat(Ratios.formatRatio(0.0834)).isEqualTo("0.083×");
    }

    @Test
    void formatsFigures() {
        assertThat(Ratios.formatNumber(12_345.6)).isEqualTo("12,346");
        assertThat(Ratios.formatNumber(123.4)).isEqualTo("123");
        assertThat(Ratios.formatNumber(45.67)).isEqualTo("45.7");
        assertThat(Ratios.formatNumber(1.234)).isEqualTo("1.23");
        assertThat(Ratios.formatNumber(Double.NaN)).isEqualTo("—");
    }

    @Test
    void appendsTheRatioExceptOnTheReference() {
        assertThat(Ratios.withRatio(400, 100, false)).isEqualTo("400 (4.0×)");
        assertThat(Ratios.withRatio(400, 100, true)).isEqualTo("400");
        assertThat(Ratios.withRatio(400, Double.NaN, false)).isEqualTo("400");
    }
}
