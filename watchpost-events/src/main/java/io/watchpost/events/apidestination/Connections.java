package io.watchpost.events.apidestination;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import io.watchpost.store.StateJournal;
import io.watchpost.store.StateTable;
import java.util.Optional;

/**
 * The {@code events.connections} table and the names AWS derives from a connection (its ARN and secret ARN).
 * Shared by the CRUD service and the invoker; thread-safe because the table is.
 */
final class Connections {
    static final String TABLE = "events.connections";

    private final StateTable<ConnectionRecord> table;

    Connections(StateJournal journal) {
        this.table = journal.table(TABLE, ConnectionRecord.class);
    }

    StateTable<ConnectionRecord> table() {
        return table;
    }

    Optional<ConnectionRecord> find(Scope scope, String name) {
        return table.get(scope.key(name));
    }

    ConnectionRecord require(Scope scope, String name) {
        return find(scope, name).orElseThrow(() -> new AwsException(AwsError.EVENTS_RESOURCE_NOT_FOUND,
                "Failed to describe the connection(s). Connection '" + name + "' does not exist."));
    }

    void put(Scope scope, ConnectionRecord connection) {
        table.put(scope.key(connection.name()), connection);
    }

    static String arn(Scope scope, ConnectionRecord connection) {
        return scope.arn("events", "connection/" + connection.name() + "/" + connection.uuid()).toString();
    }

    /** AWS names the connection's secret {@code events!connection/<name>/<uuid>} plus Secrets Manager's suffix. */
    static String secretArn(Scope scope, ConnectionRecord connection) {
        return scope.arn("secretsmanager", "secret:events!connection/" + connection.name() + "/"
                + connection.uuid() + "-" + connection.secretSuffix()).toString();
    }

    /** The connection an ARN names, in the given scope; empty when the ARN is malformed or names another scope. */
    Optional<ConnectionRecord> byArn(Scope scope, String arn) {
        String prefix = scope.arn("events", "connection/").toString();
        if (arn == null || !arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = arn.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return find(scope, rest.substring(0, slash)).filter(c -> c.uuid().equals(rest.substring(slash + 1)));
    }
}
