package io.watchpost.events.partner;

import io.watchpost.core.AwsError;
import io.watchpost.events.Violations;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.PutPartnerEventsRequestEntry;

/** The model constraints of the partner event source operations (botocore {@code events/2015-10-07}). */
final class PartnerValidation {
    static final Pattern SOURCE_NAME = Pattern.compile("aws\\.partner(/[\\.\\-_A-Za-z0-9]+){2,}");
    static final Pattern PARTNER_PREFIX = Pattern.compile("aws\\.partner/[\\.\\-_A-Za-z0-9]+/[/\\.\\-_A-Za-z0-9]*");
    static final Pattern SOURCE_PREFIX = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final int MAX_PARTNER_ENTRIES = 20;

    private PartnerValidation() {}

    static Violations name(Violations v, String path, String name) {
        return v.required(path, name).length(path, name, 1, 256).pattern(path, name, SOURCE_NAME);
    }

    static void nameOnly(String name) {
        name(new Violations(), "name", name).throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void nameAndAccount(String name, String account) {
        name(new Violations(), "name", name).required("account", account).length("account", account, 12, 12)
                .pattern("account", account, ACCOUNT).throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static Violations page(Violations v, String nextToken, Integer limit) {
        return v.length("nextToken", nextToken, 1, 2048).range("limit", limit, 1, 100);
    }

    static void partnerPrefix(String prefix, String nextToken, Integer limit) {
        page(new Violations().required("namePrefix", prefix).length("namePrefix", prefix, 1, 256)
                .pattern("namePrefix", prefix, PARTNER_PREFIX), nextToken, limit)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void sourcePrefix(String prefix, String nextToken, Integer limit) {
        page(new Violations().length("namePrefix", prefix, 1, 256).pattern("namePrefix", prefix, SOURCE_PREFIX),
                nextToken, limit).throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    static void accounts(String name, String nextToken, Integer limit) {
        page(name(new Violations(), "eventSourceName", name), nextToken, limit)
                .throwIfAny(AwsError.EVENTS_VALIDATION);
    }

    /** Entries: 1 to 20, each Source an event source name and each resource at most 2048 characters. */
    static void entries(List<PutPartnerEventsRequestEntry> entries) {
        Violations v = new Violations().required("entries", entries);
        if (entries != null && (entries.isEmpty() || entries.size() > MAX_PARTNER_ENTRIES)) {
            v.custom("Value '" + entries + "' at 'entries' failed to satisfy constraint: Member must have length "
                    + (entries.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_PARTNER_ENTRIES));
        }
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String path = "entries." + (i + 1) + ".member";
            PutPartnerEventsRequestEntry entry = entries.get(i);
            v.required(path, entry);
            if (entry == null) {
                continue;
            }
            v.length(path + ".source", entry.source(), 1, 256).pattern(path + ".source", entry.source(), SOURCE_NAME);
            List<String> resources = entry.hasResources() ? entry.resources() : List.of();
            for (int r = 0; r < resources.size(); r++) {
                v.length(path + ".resources." + (r + 1) + ".member", resources.get(r), 0, 2048);
            }
        }
        v.throwIfAny(AwsError.EVENTS_VALIDATION);
    }
}
