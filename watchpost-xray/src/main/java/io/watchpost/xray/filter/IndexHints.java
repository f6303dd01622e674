package io.watchpost.xray.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Derives a compiled plan's {@link IndexHint} from its AND/OR structure at the trace level. */
final class IndexHints {
    private IndexHints() {}

    /** The hint of a compiled plan, if any. */
    static Optional<IndexHint> of(Node<TraceFacts> node) {
        return switch (node) {
            case Node.Hinted<TraceFacts> hinted -> Optional.of(hinted.hint());
            case Node.Annotation annotation -> Optional.of(annotation.op().filter(op -> op == Op.EQ)
                    .<IndexHint>map(op -> new IndexHint.AnnotationEquals(annotation.key(), value(annotation.value())))
                    .orElse(new IndexHint.AnnotationKey(annotation.key())));
            case Node.And<TraceFacts> and -> {
                List<IndexHint> hints = new ArrayList<>();
                and.terms().forEach(term -> of(term).ifPresent(hints::add));
                yield hints.isEmpty() ? Optional.empty()
                        : Optional.of(hints.size() == 1 ? hints.getFirst() : new IndexHint.AllOf(hints));
            }
            case Node.Or<TraceFacts> or -> {
                List<IndexHint> hints = new ArrayList<>();
                for (Node<TraceFacts> term : or.terms()) {
                    Optional<IndexHint> hint = of(term);
                    if (hint.isEmpty()) {
                        yield Optional.empty();
                    }
                    hints.add(hint.get());
                }
                yield Optional.of(new IndexHint.AnyOf(hints));
            }
            default -> Optional.empty();
        };
    }

    private static Object value(Literal literal) {
        return switch (literal) {
            case Literal.Text text -> text.value();
            case Literal.Num num -> num.value();
            case Literal.Bool bool -> bool.value();
        };
    }
}
