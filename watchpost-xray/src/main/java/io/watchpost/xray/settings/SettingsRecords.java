package io.watchpost.xray.settings;

import static java.util.Objects.requireNonNull;

/** What the settings state tables hold; times are epoch millis. */
final class SettingsRecords {
    private SettingsRecords() {}

    /** {@code xray.encryption}, key {@code <account>/<region>/}: the last PutEncryptionConfig. */
    record Encryption(String type, String keyId, long updatedMillis) {
        Encryption {
            requireNonNull(type, "type is null");
        }
    }

    /** {@code xray.resourcePolicies}, key {@code <account>/<region>/<name>}. */
    record Policy(String name, String document, long revision, long updatedMillis) {
        Policy {
            requireNonNull(name, "name is null");
            requireNonNull(document, "document is null");
        }
    }

    /** {@code xray.indexingRules}, key {@code <account>/<region>/<name>}: a probabilistic rule. */
    record IndexingRule(String name, double desiredSamplingPercentage, long modifiedMillis) {
        IndexingRule {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code xray.segmentDestination}, key {@code <account>/<region>/}: the last UpdateTraceSegmentDestination. */
    record Destination(String destination, long updatedMillis) {
        Destination {
            requireNonNull(destination, "destination is null");
        }
    }
}
