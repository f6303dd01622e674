package io.watchpost.cloudwatch.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.cloudwatch.alarms.AlarmRecord.AlarmState;
import io.watchpost.core.Scope;
import io.watchpost.store.StateTable;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes alarm history items (journal table {@code alarm-history}) with AWS's summaries and HistoryData JSON.
 * Thread-safe: keys get a process-wide sequence suffix, so two items of one alarm in one millisecond both survive.
 */
final class AlarmHistory {
    static final String TABLE = "alarm-history";
    static final long RETENTION_MILLIS = 30L * 24 * 3600 * 1000;
    private final StateTable<HistoryRecord> table;
    private final AtomicInteger sequence = new AtomicInteger();

    AlarmHistory(StateTable<HistoryRecord> table) {
        this.table = table;
    }

    StateTable<HistoryRecord> table() {
        return table;
    }

    void created(Scope scope, AlarmRecord alarm, long now) {
        ObjectNode data = versioned("Create");
        data.set("createdAlarm", AlarmJson.config(alarm));
        put(scope, alarm.name(), now, "ConfigurationUpdate", "Alarm \"" + alarm.name() + "\" created", data);
    }

    void updated(Scope scope, AlarmRecord before, AlarmRecord after, long now) {
        ObjectNode data = versioned("Update");
        data.set("updatedAlarm", AlarmJson.config(after));
        ObjectNode original = data.putObject("originalUpdatedFields");
        JsonNode old = AlarmJson.config(before);
        JsonNode updated = AlarmJson.config(after);
        old.fieldNames().forEachRemaining(f -> {
            if (!old.get(f).equals(updated.get(f)) && !f.equals("alarmConfigurationUpdatedTimestamp")) {
                original.set(f, old.get(f));
            }
        });
        put(scope, after.name(), now, "ConfigurationUpdate", "Alarm \"" + after.name() + "\" updated", data);
    }

    void deleted(Scope scope, AlarmRecord alarm, long now) {
        ObjectNode data = versioned("Delete");
        data.set("deletedAlarm", AlarmJson.config(alarm));
        put(scope, alarm.name(), now, "ConfigurationUpdate", "Alarm \"" + alarm.name() + "\" deleted", data);
    }

    void stateUpdate(Scope scope, String name, AlarmState from, AlarmState to) {
        ObjectNode data = StateReasons.JSON.createObjectNode();
        data.put("version", "1.0");
        data.set("oldState", state(from));
        data.set("newState", state(to));
        put(scope, name, to.updatedMillis(), "StateUpdate",
                "Alarm updated from " + from.value() + " to " + to.value(), data);
    }

    /** An action the server ran (or could not run) for a state change, as AWS records it. */
    void action(Scope scope, String name, long now, String summary, ObjectNode data) {
        put(scope, name, now, "Action", summary, data);
    }

    private static ObjectNode versioned(String type) {
        ObjectNode data = StateReasons.JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("type", type);
        return data;
    }

    private static ObjectNode state(AlarmState s) {
        ObjectNode node = StateReasons.JSON.createObjectNode();
        node.put("stateValue", s.value());
        node.put("stateReason", s.reason());
        if (s.reasonData() != null) {
            try {
                node.set("stateReasonData", StateReasons.JSON.readTree(s.reasonData()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node;
    }

    private void put(Scope scope, String name, long now, String type, String summary, ObjectNode data) {
        put(scope, name, "MetricAlarm", now, type, summary, data);
    }

    void put(Scope scope, String name, String alarmType, long now, String type, String summary, ObjectNode data) {
        String key = scope.key(name) + '/' + String.format("%013d/%06d", now, sequence.getAndIncrement() % 1_000_000);
        table.put(key, new HistoryRecord(name, alarmType, now, type, summary, data.toString()));
    }

    /** A ConfigurationUpdate of a composite alarm ({@code Create}, {@code Update} or {@code Delete}). */
    void compositeConfiguration(Scope scope, CompositeRecord alarm, String type, long now) {
        ObjectNode data = versioned(type);
        String member = switch (type) {
            case "Create" -> "createdAlarm";
            case "Update" -> "updatedAlarm";
            default -> "deletedAlarm";
        };
        ObjectNode config = data.putObject(member);
        config.put("alarmName", alarm.name());
        config.put("alarmRule", alarm.alarmRule());
        config.put("actionsEnabled", alarm.actionsEnabled());
        String verb = switch (type) {
            case "Create" -> "created";
            case "Update" -> "updated";
            default -> "deleted";
        };
        put(scope, alarm.name(), "CompositeAlarm", now, "ConfigurationUpdate",
                "Alarm \"" + alarm.name() + "\" " + verb, data);
    }

    void stateUpdate(Scope scope, String name, String alarmType, AlarmState from, AlarmState to) {
        ObjectNode data = StateReasons.JSON.createObjectNode();
        data.put("version", "1.0");
        data.set("oldState", state(from));
        data.set("newState", state(to));
        put(scope, name, alarmType, to.updatedMillis(), "StateUpdate",
                "Alarm updated from " + from.value() + " to " + to.value(), data);
    }

    /** Drops items older than AWS's 30-day history retention. */
    void prune(long now) {
        table.view().entrySet().stream().filter(e -> e.getValue().timestampMillis() < now - RETENTION_MILLIS)
                .map(java.util.Map.Entry::getKey).toList().forEach(table::remove);
    }
}
