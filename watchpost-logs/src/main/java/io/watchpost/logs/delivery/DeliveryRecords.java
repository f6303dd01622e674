package io.watchpost.logs.delivery;

import java.util.List;
import java.util.Map;

/** The journal records of vended-log deliveries (see {@link DeliveriesService}); optional members are null. */
final class DeliveryRecords {
    private DeliveryRecords() {}

    /** A delivery source: one AWS resource's logs of one type. Keyed {@code account/region/name}. */
    record Source(String name, String resourceArn, String service, String logType, Map<String, String> tags,
            Map<String, String> configuration) {
        Source {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
        }

        Source withTags(Map<String, String> newTags) {
            return new Source(name, resourceArn, service, logType, newTags, configuration);
        }
    }

    /** A delivery destination: an S3 bucket, a log group, a Firehose stream, or X-Ray. Keyed like sources. */
    record Destination(String name, String type, String outputFormat, String resourceArn, Map<String, String> tags,
            String policy) {
        Destination {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        Destination withPolicy(String newPolicy) {
            return new Destination(name, type, outputFormat, resourceArn, tags, newPolicy);
        }

        Destination withTags(Map<String, String> newTags) {
            return new Destination(name, type, outputFormat, resourceArn, newTags, policy);
        }
    }

    /** A delivery linking one source to one destination. Keyed {@code account/region/id}. */
    record Delivery(String id, String sourceName, String destinationArn, String destinationType,
            List<String> recordFields, String fieldDelimiter, String suffixPath, Boolean hiveCompatiblePath,
            Map<String, String> tags) {
        Delivery {
            recordFields = recordFields == null ? List.of() : List.copyOf(recordFields);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        Delivery withTags(Map<String, String> newTags) {
            return new Delivery(id, sourceName, destinationArn, destinationType, recordFields, fieldDelimiter,
                    suffixPath, hiveCompatiblePath, newTags);
        }
    }
}
