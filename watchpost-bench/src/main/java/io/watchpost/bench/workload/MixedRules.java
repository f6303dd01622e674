package io.watchpost.bench.workload;

/**
 * Rules of six pattern kinds in turn (prefix, numeric range, exists, anything-but, wildcard, nested object) and
 * events that match some of each, shared by the 1,000-rule PutEvents workload and the rule-index JMH benchmark so
 * that both measure the same rule mix. Sources spread over ten values, as an application's services would.
 */
public final class MixedRules {
    /** How many distinct sources the rules and events use. */
    public static final int SOURCES = 10;

    private MixedRules() {}

    public static String source(int i) {
        return "bench.app" + (i % SOURCES);
    }

    /** Rule {@code i}'s pattern; values vary with {@code i} so that rules differ within a kind. */
    public static String pattern(int i) {
        String source = "\"source\":[\"" + source(i) + "\"]";
        return switch (i % 6) {
            case 0 -> "{" + source + ",\"detail\":{\"orderId\":[{\"prefix\":\"ord-" + (i % 10) + "\"}]}}";
            case 1 -> "{" + source + ",\"detail\":{\"amount\":[{\"numeric\":[\">\"," + (i % 500) + ",\"<=\","
                    + (i % 500 + 100) + "]}]}}";
            case 2 -> "{" + source + ",\"detail\":{\"customer\":{\"tier\":[{\"exists\":true}]}}}";
            case 3 -> "{" + source + ",\"detail\":{\"status\":[{\"anything-but\":[\"cancelled\",\"failed\"]}]}}";
            case 4 -> "{" + source + ",\"detail\":{\"orderId\":[{\"wildcard\":\"ord-*-" + (i % 7) + "\"}]}}";
            default -> "{" + source + ",\"detail-type\":[\"OrderPlaced\"],\"detail\":{\"customer\":{\"address\":"
                    + "{\"country\":[\"" + ((i / 6) % 2 == 0 ? "DE" : "FR") + "\"]}}}}";
        };
    }

    /** The Detail of event {@code i} sent by {@code worker}: about a third of each kind's rules match it. */
    public static String detail(int worker, int i) {
        return "{\"orderId\":\"ord-" + i + "-" + (worker % 7) + "\",\"amount\":" + (i * 37 % 600) + ",\"status\":\""
                + (i % 4 == 0 ? "cancelled" : "placed") + "\",\"customer\":{\"id\":\"c-" + worker + "\""
                + (i % 2 == 0 ? ",\"tier\":\"gold\"" : "") + ",\"address\":{\"country\":\""
                + (i % 3 == 0 ? "DE" : "US") + "\"}},\"items\":[{\"sku\":\"sku-1\",\"qty\":2}]}";
    }
}
