package io.watchpost.xray.filter;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/** A keyword resolved in a scope: its type decides which operators and values it accepts. */
sealed interface Field<C> {
    String name();

    /** {@code ok}, {@code fault}, {@code root}, ...: compared with true/false, or used bare. */
    record Bool<C>(String name, Predicate<C> value) implements Field<C> {}

    /** {@code responsetime}, {@code http.status}, {@code index}, ...: absent when the trace has none. */
    record Num<C>(String name, Function<C, OptionalDouble> value) implements Field<C> {}

    /** {@code http.url}, {@code user}, {@code name}, ...: every value the context has (none when absent). */
    record Text<C>(String name, Function<C, List<String>> values) implements Field<C> {}
}
