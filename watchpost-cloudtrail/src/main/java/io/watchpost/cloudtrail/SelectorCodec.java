package io.watchpost.cloudtrail;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;

/** Validates SDK selectors into stored ones and renders them back. */
final class SelectorCodec {
    private static final Set<String> READ_WRITE = Set.of("ReadOnly", "WriteOnly", "All");

    private SelectorCodec() {}

    static List<TrailSettings.BasicSelector> basic(List<EventSelector> selectors) {
        if (selectors.isEmpty() || selectors.size() > TrailSelectors.MAX_BASIC) {
            throw invalid("You can have between 1 and " + TrailSelectors.MAX_BASIC + " event selectors.");
        }
        return selectors.stream().map(SelectorCodec::basic).toList();
    }

    private static TrailSettings.BasicSelector basic(EventSelector selector) {
        String readWrite = selector.readWriteTypeAsString() == null ? "All" : selector.readWriteTypeAsString();
        if (!READ_WRITE.contains(readWrite)) {
            throw invalid("Invalid ReadWriteType: " + readWrite);
        }
        List<TrailSettings.DataResource> data = selector.dataResources().stream().map(resource -> {
            if (resource.type() == null || resource.type().isEmpty()) {
                throw invalid("DataResource Type is required.");
            }
            return new TrailSettings.DataResource(resource.type(), resource.values());
        }).toList();
        return new TrailSettings.BasicSelector(readWrite,
                selector.includeManagementEvents() == null || selector.includeManagementEvents(), data,
                selector.excludeManagementEventSources());
    }

    static List<TrailSettings.AdvancedSelector> advanced(List<AdvancedEventSelector> selectors) {
        if (selectors.isEmpty() || selectors.size() > TrailSelectors.MAX_ADVANCED) {
            throw invalid("You can have between 1 and " + TrailSelectors.MAX_ADVANCED + " advanced event selectors.");
        }
        return selectors.stream().map(SelectorCodec::advanced).toList();
    }

    private static TrailSettings.AdvancedSelector advanced(AdvancedEventSelector selector) {
        if (selector.fieldSelectors().isEmpty()) {
            throw invalid("Each advanced event selector must have at least one field selector.");
        }
        boolean category = false;
        List<TrailSettings.FieldSelector> fields = new java.util.ArrayList<>();
        for (AdvancedFieldSelector field : selector.fieldSelectors()) {
            if (field.field() == null || !TrailSelectors.FIELDS.contains(field.field())) {
                throw invalid("Invalid field name: " + field.field());
            }
            category |= field.field().equals("eventCategory");
            TrailSettings.FieldSelector stored = new TrailSettings.FieldSelector(field.field(), field.equalsValue(),
                    field.startsWith(), field.endsWith(), field.notEquals(), field.notStartsWith(),
                    field.notEndsWith());
            if (stored.equalsTo().isEmpty() && stored.startsWith().isEmpty() && stored.endsWith().isEmpty()
                    && stored.notEquals().isEmpty() && stored.notStartsWith().isEmpty()
                    && stored.notEndsWith().isEmpty()) {
                throw invalid("Field " + field.field() + " must have at least one operator.");
            }
            fields.add(stored);
        }
        if (!category) {
            throw invalid("Advanced event selectors must have a field selector for eventCategory.");
        }
        return new TrailSettings.AdvancedSelector(selector.name(), fields);
    }

    static List<EventSelector> basicView(List<TrailSettings.BasicSelector> selectors) {
        return selectors.stream().map(s -> EventSelector.builder().readWriteType(s.readWriteType())
                .includeManagementEvents(s.includeManagementEvents())
                .dataResources(s.dataResources().stream().map(d -> DataResource.builder().type(d.type())
                        .values(d.values()).build()).toList())
                .excludeManagementEventSources(s.excludeManagementEventSources()).build()).toList();
    }

    static List<AdvancedEventSelector> advancedView(List<TrailSettings.AdvancedSelector> selectors) {
        return selectors.stream().map(s -> AdvancedEventSelector.builder().name(s.name())
                .fieldSelectors(s.fieldSelectors().stream().map(SelectorCodec::fieldView).toList()).build()).toList();
    }

    private static AdvancedFieldSelector fieldView(TrailSettings.FieldSelector f) {
        AdvancedFieldSelector.Builder b = AdvancedFieldSelector.builder().field(f.field());
        if (!f.equalsTo().isEmpty()) {
            b.equalsValue(f.equalsTo());
        }
        if (!f.startsWith().isEmpty()) {
            b.startsWith(f.startsWith());
        }
        if (!f.endsWith().isEmpty()) {
            b.endsWith(f.endsWith());
        }
        if (!f.notEquals().isEmpty()) {
            b.notEquals(f.notEquals());
        }
        if (!f.notStartsWith().isEmpty()) {
            b.notStartsWith(f.notStartsWith());
        }
        if (!f.notEndsWith().isEmpty()) {
            b.notEndsWith(f.notEndsWith());
        }
        return b.build();
    }

    private static AwsException invalid(String message) {
        return new AwsException(AwsError.TRAIL_INVALID_EVENT_SELECTORS, message);
    }
}
