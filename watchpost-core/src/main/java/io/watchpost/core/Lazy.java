package io.watchpost.core;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * A value built on first use and kept: for things that cost start-up time (an HTTP client and its TLS setup) that
 * most servers never need. {@code create} runs at most once, unless it throws. Thread-safe.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> create;
    private volatile T value;

    private Lazy(Supplier<? extends T> create) {
        this.create = requireNonNull(create, "create is null");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> create) {
        return new Lazy<>(create);
    }

    @Override
    public T get() {
        T built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) {
                    built = requireNonNull(create.get(), "create returned null");
                    value = built;
                }
            }
        }
        return built;
    }
}
