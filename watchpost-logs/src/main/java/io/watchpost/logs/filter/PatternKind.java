package io.watchpost.logs.filter;

/** The form of a compiled pattern, chosen by its first character (AWS's dispatch). */
public enum PatternKind {
    /** The empty (or blank) pattern: matches every event. */
    ALL,
    /** Terms and quoted phrases with {@code ?} and {@code -}. */
    TERMS,
    /** A standalone {@code %regex%}. */
    REGEX,
    /** {@code { ... }}: conditions on a JSON event. */
    JSON,
    /** {@code [ ... ]}: fields of a space-delimited event. */
    SPACE_DELIMITED
}
