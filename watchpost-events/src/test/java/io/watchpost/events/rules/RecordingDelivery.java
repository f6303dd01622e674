package io.watchpost.events.rules;

import io.watchpost.core.Scope;
import io.watchpost.events.targets.Target;
import io.watchpost.events.targets.TargetDelivery;
import java.util.ArrayList;
import java.util.List;

/** Remembers every delivery, in order. */
final class RecordingDelivery implements TargetDelivery {
    record Delivered(Scope scope, RuleRef rule, Target target, String payload) {}

    final List<Delivered> delivered = new ArrayList<>();

    @Override
    public synchronized void deliver(Scope scope, RuleRef rule, Target target, String payload) {
        delivered.add(new Delivered(scope, rule, target, payload));
    }
}
