package io.watchpost.cloudwatch.math;

import java.util.regex.Pattern;

/**
 * The statistic names GetMetricData accepts in {@code MetricStat.Stat} and SEARCH(): the five basic statistics and
 * the extended ones ({@code p99}, {@code p99.9}, {@code tm90}, {@code wm99}, {@code tc90}, {@code ts90}, {@code iqm},
 * {@code TM(10%:90%)}, {@code PR(:300)}, ...). Only the syntax is checked here; the store computes them.
 */
final class Statistics {
    private static final String NUMBER = "(?:\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final String BOUND = NUMBER + "%?";
    private static final Pattern VALID = Pattern.compile(
            "SampleCount|Average|Sum|Minimum|Maximum|iqm|IQM"
                    + "|p(?:100(?:\\.0+)?|\\d{1,2}(?:\\.\\d+)?)"
                    + "|(?:tm|wm|tc|ts)(?:100|\\d{1,2}(?:\\.\\d+)?)"
                    + "|(?:TM|WM|TC|TS|PR|tm|wm|tc|ts|pr)\\((?:" + BOUND + ")?:(?:" + BOUND + ")?\\)");

    private Statistics() {}

    static boolean isValid(String stat) {
        return stat != null && VALID.matcher(stat).matches();
    }
}
