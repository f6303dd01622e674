package io.watchpost.bench.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A PutMetricData request of the load harness's size (20 metrics, two dimensions each) as the bodies the two
 * protocols send: JSON (awsJson1_0, as boto3 sends it) and the awsQuery form (as the Java SDK sends it).
 */
final class MetricBodies {
    static final int METRICS = 20;
    private static final long TIMESTAMP_SECONDS = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private MetricBodies() {}

    static byte[] json() {
        StringBuilder out = new StringBuilder("{\"Namespace\":\"Bench/App\",\"MetricData\":[");
        for (int i = 0; i < METRICS; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"MetricName\":\"Latency").append(i).append("\",")
                    .append("\"Dimensions\":[{\"Name\":\"Service\",\"Value\":\"checkout\"},")
                    .append("{\"Name\":\"Host\",\"Value\":\"host-").append(i % 4).append("\"}],")
                    .append("\"Timestamp\":").append(TIMESTAMP_SECONDS).append(',')
                    .append("\"Value\":").append(12.5 + i).append(",\"Unit\":\"Milliseconds\"}");
        }
        return out.append("]}").toString().getBytes(UTF_8);
    }

    static String query() {
        List<String> pairs = new ArrayList<>();
        pairs.add("Action=PutMetricData");
        pairs.add("Version=2010-08-01");
        pairs.add("Namespace=" + encode("Bench/App"));
        for (int i = 0; i < METRICS; i++) {
            String m = "MetricData.member." + (i + 1) + ".";
            pairs.add(m + "MetricName=Latency" + i);
            pairs.add(m + "Dimensions.member.1.Name=Service");
            pairs.add(m + "Dimensions.member.1.Value=checkout");
            pairs.add(m + "Dimensions.member.2.Name=Host");
            pairs.add(m + "Dimensions.member.2.Value=host-" + (i % 4));
            pairs.add(m + "Timestamp=" + encode("2026-01-01T00:00:00Z"));
            pairs.add(m + "Value=" + (12.5 + i));
            pairs.add(m + "Unit=Milliseconds");
        }
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, UTF_8);
    }
}
