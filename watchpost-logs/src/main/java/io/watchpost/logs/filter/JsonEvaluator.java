package io.watchpost.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchpost.logs.filter.PatternTree.Compare;
import io.watchpost.logs.filter.PatternTree.JsonExpr;
import io.watchpost.logs.filter.PatternTree.Op;

/**
 * Evaluates a JSON expression on a parsed event. The rules, from AWS's documentation and from recordings of
 * TestMetricFilter against AWS:
 * <ul>
 *   <li>A comparison applies only to a value node (string, number, boolean): on a missing property, an object, an
 *       array or null both {@code =} and {@code !=} are false ("the filter will not be applied").</li>
 *   <li>{@code =}/{@code !=} with an unquoted number on a number node compare numerically ({@code 123 = 123.0});
 *       otherwise they compare the node's text with the literal and its wildcards ({@code "123"} matches the
 *       number 123, {@code "12"} does not match 12.0).</li>
 *   <li>Relational operators hold only on number nodes.</li>
 *   <li>A regular expression is found (or, for {@code !=}, not found) anywhere in the node's text.</li>
 * </ul>
 */
final class JsonEvaluator {
    private JsonEvaluator() {}

    static boolean test(JsonExpr expr, JsonNode root) {
        return switch (expr) {
            case PatternTree.And and -> test(and.left(), root) && test(and.right(), root);
            case PatternTree.Or or -> test(or.left(), root) || test(or.right(), root);
            case PatternTree.IsNull isNull -> {
                JsonNode node = isNull.selector().resolve(root);
                yield node != null && node.isNull();
            }
            case PatternTree.NotExists notExists -> notExists.selector().resolve(root) == null;
            case PatternTree.IsBoolean isBoolean -> {
                JsonNode node = isBoolean.selector().resolve(root);
                yield node != null && node.isBoolean() && node.booleanValue() == isBoolean.value();
            }
            case Compare compare -> compare(compare, compare.selector().resolve(root));
        };
    }

    private static boolean compare(Compare compare, JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return false;
        }
        Op op = compare.op();
        return switch (compare.value()) {
            case RegexValue regex -> regex.find(text(node)) == (op == Op.EQ);
            case Literal literal -> {
                if (op.relational()) {
                    yield node.isNumber() && op.holds(node.doubleValue(), literal.number());
                }
                if (literal.numeric() && node.isNumber()) {
                    yield op.holds(node.doubleValue(), literal.number());
                }
                String text = text(node);
                yield literal.matchesText(text, 0, text.length()) == (op == Op.EQ);
            }
        };
    }

    /** A value node's text: a string's value, a number as written (as Jackson keeps it), true or false. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.asText();
    }
}
