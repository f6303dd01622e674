package io.watchpost.logs.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.Scope;
import io.watchpost.logs.LogGroupInfo;
import io.watchpost.store.RecordLogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The open {@link GroupLog}s, one per log group incarnation, in {@code groups/<hash>-<groupCreationTime>/} where
 * the hash is the first 128 bits of SHA-256 over {@code account/region/groupName} (names may be 512 characters
 * and contain '/', so they cannot be file names). Structural changes (open, drop) hold this object's monitor.
 */
final class GroupLogs implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupLogs.class.getName());

    private record Entry(Scope scope, String name, long creationTime, GroupLog log) {}

    interface GroupVisitor {
        void visit(Scope scope, String name, GroupLog log) throws IOException;
    }

    private final Path root;
    private final RecordLogConfig config;
    private final Map<String, Entry> open = new ConcurrentHashMap<>();

    GroupLogs(Path root, RecordLogConfig config) throws IOException {
        this.root = root;
        this.config = config;
        Files.createDirectories(root);
    }

    /** Startup: opens the log of every group that has streams, then deletes directories no stream refers to. */
    synchronized void openAll(SortedMap<String, StreamRecord> streams) throws IOException {
        Map<String, Map<String, Long>> live = new HashMap<>();
        Map<String, StreamRecord> sample = new HashMap<>();
        for (Map.Entry<String, StreamRecord> entry : streams.entrySet()) {
            StreamRecord record = entry.getValue();
            String groupKey = entry.getKey().substring(0, entry.getKey().lastIndexOf(':'));
            String id = groupKey + "\n" + record.groupCreationTime();
            live.computeIfAbsent(id, k -> new HashMap<>()).put(record.logStreamName(), record.incarnation());
            sample.put(id, record);
        }
        Set<Path> kept = new HashSet<>();
        for (Map.Entry<String, Map<String, Long>> group : live.entrySet()) {
            String groupKey = group.getKey().substring(0, group.getKey().indexOf('\n'));
            StreamRecord record = sample.get(group.getKey());
            String[] parts = groupKey.split("/", 3);
            Scope scope = new Scope(parts[0], parts[1]);
            Path directory = directory(groupKey, record.groupCreationTime());
            Entry previous = open.get(groupKey);
            if (previous != null && previous.creationTime() > record.groupCreationTime()) {
                continue; // stale streams of an older incarnation: their files go below
            }
            if (previous != null) {
                previous.log().close();
                kept.remove(previous.log().directory());
            }
            GroupLog log = GroupLog.open(directory, config, group.getValue());
            open.put(groupKey, new Entry(scope, parts[2], record.groupCreationTime(), log));
            kept.add(directory);
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (!kept.contains(child)) {
                    LOG.log(System.Logger.Level.INFO, "deleting log data no stream refers to: " + child);
                    deleteTree(child);
                }
            }
        }
    }

    /** The log of this incarnation of the group, opened (empty) if needed; an older incarnation's is deleted. */
    synchronized GroupLog get(Scope scope, LogGroupInfo group) {
        String groupKey = scope.key(group.logGroupName());
        Entry entry = open.get(groupKey);
        if (entry != null && entry.creationTime() == group.creationTime()) {
            return entry.log();
        }
        try {
            if (entry != null) {
                drop(scope, group.logGroupName());
            }
            GroupLog log = GroupLog.open(directory(groupKey, group.creationTime()), config, Map.of());
            open.put(groupKey, new Entry(scope, group.logGroupName(), group.creationTime(), log));
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored bytes of this incarnation of the group, 0 when it has no open log; opens nothing. */
    long storedBytes(Scope scope, LogGroupInfo group) {
        Entry entry = open.get(scope.key(group.logGroupName()));
        return entry == null || entry.creationTime() != group.creationTime() ? 0 : entry.log().storedBytes();
    }

    synchronized void drop(Scope scope, String name) {
        Entry entry = open.remove(scope.key(name));
        if (entry == null) {
            return;
        }
        try {
            entry.log().close();
            deleteTree(entry.log().directory());
        } catch (IOException e) {
            // The stream records are gone, so the next startup deletes the directory as an orphan.
            LOG.log(System.Logger.Level.WARNING, "could not delete " + entry.log().directory(), e);
        }
    }

    void forEach(GroupVisitor visitor) {
        for (Entry entry : List.copyOf(open.values())) {
            try {
                visitor.visit(entry.scope(), entry.name(), entry.log());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "visiting log group " + entry.name() + " failed", e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (Entry entry : open.values()) {
            entry.log().close();
        }
        open.clear();
    }

    private Path directory(String groupKey, long creationTime) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(UTF_8));
            return root.resolve(HexFormat.of().formatHex(hash, 0, 16) + "-" + creationTime);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
