package io.watchpost.cloudwatch.alarms;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The typed tree of a composite alarm's AlarmRule: {@code ALARM(x)}, {@code OK(x)}, {@code INSUFFICIENT_DATA(x)} of
 * an alarm name or ARN, {@code AND}, {@code OR}, {@code NOT}, {@code TRUE}, {@code FALSE}. Immutable; evaluation
 * asks a function for each referenced alarm's current state value.
 */
sealed interface CompositeRule {
    boolean eval(Function<String, String> stateOf);

    record Const(boolean value) implements CompositeRule {
        @Override
        public boolean eval(Function<String, String> stateOf) {
            return value;
        }
    }

    /** {@code state(alarm)}: {@code alarm} is the name as written (an ARN is reduced to its name by the parser). */
    record StateOf(String state, String alarm) implements CompositeRule {
        public StateOf {
            requireNonNull(state, "state is null");
            requireNonNull(alarm, "alarm is null");
        }

        @Override
        public boolean eval(Function<String, String> stateOf) {
            return state.equals(stateOf.apply(alarm));
        }
    }

    record Not(CompositeRule operand) implements CompositeRule {
        @Override
        public boolean eval(Function<String, String> stateOf) {
            return !operand.eval(stateOf);
        }
    }

    record And(CompositeRule left, CompositeRule right) implements CompositeRule {
        @Override
        public boolean eval(Function<String, String> stateOf) {
            return left.eval(stateOf) && right.eval(stateOf);
        }
    }

    record Or(CompositeRule left, CompositeRule right) implements CompositeRule {
        @Override
        public boolean eval(Function<String, String> stateOf) {
            return left.eval(stateOf) || right.eval(stateOf);
        }
    }

    /** The alarm names the rule references, in order of first appearance. */
    static Set<String> references(CompositeRule rule) {
        Set<String> out = new LinkedHashSet<>();
        collect(rule, out);
        return out;
    }

    private static void collect(CompositeRule rule, Set<String> out) {
        switch (rule) {
            case StateOf s -> out.add(s.alarm());
            case Not n -> collect(n.operand(), out);
            case And a -> {
                collect(a.left(), out);
                collect(a.right(), out);
            }
            case Or o -> {
                collect(o.left(), out);
                collect(o.right(), out);
            }
            case Const c -> { }
        }
    }
}
