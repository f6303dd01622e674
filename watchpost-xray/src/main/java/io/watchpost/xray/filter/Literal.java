package io.watchpost.xray.filter;

import io.watchpost.xray.filter.TraceFacts.AnnotationValue;

/** A value on the right of an operator, typed by how it was written. */
sealed interface Literal {
    /** Compares an annotation value of the same type; values of another type never satisfy the operator. */
    boolean compare(Op op, AnnotationValue actual);

    record Text(String value) implements Literal {
        @Override
        public boolean compare(Op op, AnnotationValue actual) {
            return actual instanceof AnnotationValue.Text t && op.test(t.value(), value);
        }
    }

    record Num(double value) implements Literal {
        @Override
        public boolean compare(Op op, AnnotationValue actual) {
            return actual instanceof AnnotationValue.Number n && op.test(n.value(), value);
        }
    }

    record Bool(boolean value) implements Literal {
        @Override
        public boolean compare(Op op, AnnotationValue actual) {
            return actual instanceof AnnotationValue.Bool b && b.value() == value;
        }
    }
}
