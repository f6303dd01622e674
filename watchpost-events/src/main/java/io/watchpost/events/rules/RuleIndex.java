package io.watchpost.events.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.core.Scope;
import io.watchpost.events.pattern.EventPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.Patterns;

/**
 * The enabled event-pattern rules of every bus, partitioned so that matching cost stays flat as rules grow
 * (ARCHITECTURE §9). A partition is (scope, bus, source, detail-type), where source and detail-type are either an
 * exact value a pattern branch requires or "any". Each branch of a pattern goes into the partitions of the exact
 * values it requires, so an event meets at most four machines: (its source, its detail-type), (its source, any),
 * (any, its detail-type), (any, any). A rule is always added with its full branch, so partitioning only prunes,
 * never changes, what matches.
 *
 * <p><b>Thread-safety:</b> {@link #match} is lock-free (event-ruler machines allow concurrent readers with one
 * writer); {@link #put} and {@link #remove} are serialized on this object.
 *
 * <p>Public only so that {@code watchpost-bench}'s JMH benchmarks can measure matching as rules grow.
 */
public final class RuleIndex {
    private static final String ANY = "\u0001";

    private record Registration(String partition, Map<String, List<Patterns>> subRule) {}

    private final ConcurrentHashMap<String, GenericMachine<String>> machines = new ConcurrentHashMap<>();
    private final Map<String, List<Registration>> registrations = new HashMap<>();

    /** Adds (or replaces) the rule stored under {@code ruleKey}. */
    public synchronized void put(String ruleKey, Scope scope, String bus, EventPattern pattern) {
        remove(ruleKey);
        List<Registration> added = new ArrayList<>();
        for (Map<String, List<Patterns>> subRule : pattern.subRules()) {
            for (String source : values(subRule, "source")) {
                for (String detailType : values(subRule, "detail-type")) {
                    String partition = partition(scope, bus, source, detailType);
                    machines.computeIfAbsent(partition, p -> GenericMachine.<String>builder().build())
                            .addPatternRule(ruleKey, subRule);
                    added.add(new Registration(partition, subRule));
                }
            }
        }
        registrations.put(ruleKey, added);
    }

    synchronized void remove(String ruleKey) {
        List<Registration> old = registrations.remove(ruleKey);
        if (old == null) {
            return;
        }
        for (Registration registration : old) {
            GenericMachine<String> machine = machines.get(registration.partition());
            machine.deletePatternRule(ruleKey, registration.subRule());
            if (machine.isEmpty()) {
                machines.remove(registration.partition());
            }
        }
    }

    synchronized void clear() {
        registrations.clear();
        machines.clear();
    }

    /** Keys of the rules whose patterns match {@code event}, each once. */
    public Set<String> match(Scope scope, String bus, String source, String detailType, JsonNode event) {
        Set<String> matched = new LinkedHashSet<>();
        collect(partition(scope, bus, source, detailType), event, matched);
        collect(partition(scope, bus, source, ANY), event, matched);
        collect(partition(scope, bus, ANY, detailType), event, matched);
        collect(partition(scope, bus, ANY, ANY), event, matched);
        return matched;
    }

    int partitions() {
        return machines.size();
    }

    private void collect(String partition, JsonNode event, Set<String> matched) {
        GenericMachine<String> machine = machines.get(partition);
        if (machine != null) {
            matched.addAll(machine.rulesForJSONEvent(event));
        }
    }

    private static List<String> values(Map<String, List<Patterns>> subRule, String field) {
        Optional<List<String>> exact = EventPattern.exactStrings(subRule, field);
        return exact.<List<String>>map(list -> List.copyOf(new LinkedHashSet<>(list))).orElse(List.of(ANY));
    }

    private static String partition(Scope scope, String bus, String source, String detailType) {
        return scope.key(bus) + '\u0000' + source + '\u0000' + detailType;
    }
}
