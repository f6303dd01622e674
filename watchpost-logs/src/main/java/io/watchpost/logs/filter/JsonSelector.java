package io.watchpost.logs.filter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A property selector: {@code $} then {@code .name} (letters, digits, {@code -}, {@code _}) and {@code [index]}
 * steps, as in {@code $.users[0].email} or {@code $.coordinates[0][1]}.
 *
 * @param text the selector as written
 * @param steps each a {@code String} (property) or an {@code Integer} (array index)
 */
record JsonSelector(String text, List<Object> steps) {
    JsonSelector {
        requireNonNull(text, "text is null");
        steps = List.copyOf(steps);
    }

    /** The node the selector names, or null when the path does not exist in this document. */
    JsonNode resolve(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index
                    ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** Parses a selector at {@code in} (which is at {@code $}). */
    static JsonSelector parse(Cursor in) {
        int start = in.pos;
        in.pos++;
        List<Object> steps = new java.util.ArrayList<>();
        while (in.peek() == '.' || in.peek() == '[') {
            if (in.eat(".")) {
                int nameStart = in.pos;
                while (isNameChar(in.peek())) {
                    in.pos++;
                }
                if (in.pos == nameStart) {
                    throw badSelector(in, start);
                }
                steps.add(in.src.substring(nameStart, in.pos));
            } else {
                in.pos++;
                int digits = in.pos;
                while (Character.isDigit(in.peek()) && in.pos - digits < 9) {
                    in.pos++;
                }
                if (in.pos == digits || in.peek() != ']') {
                    throw badSelector(in, start);
                }
                steps.add(Integer.parseInt(in.src, digits, in.pos, 10));
                in.pos++;
            }
        }
        if (steps.isEmpty() && !Character.isWhitespace(in.peek()) && !isOperatorStart(in.peek())) {
            throw badSelector(in, start);
        }
        return new JsonSelector(in.src.substring(start, in.pos), steps);
    }

    private static boolean isOperatorStart(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    /** AWS reports the selector up to and including the bad character, e.g. {@code '$."'} for {@code $."a-b"}. */
    private static PatternError badSelector(Cursor in, int start) {
        int end = Math.min(in.pos + 1, in.src.length());
        return PatternError.invalidCharacters(in.src.substring(start, end), in.pos);
    }
}
