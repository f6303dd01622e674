package io.watchpost.xray.filter;

import java.util.ArrayList;
import java.util.List;

/** An element of an enumerated root-cause list with its position, for {@code first}, {@code last} and {@code index}. */
record Item<T>(T value, int index, int size) {
    boolean first() {
        return index == 0;
    }

    boolean last() {
        return index == size - 1;
    }

    static <T> void addAll(List<Item<T>> into, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            into.add(new Item<>(values.get(i), i, values.size()));
        }
    }

    static <T> List<Item<T>> of(List<T> values) {
        List<Item<T>> items = new ArrayList<>(values.size());
        addAll(items, values);
        return items;
    }
}
