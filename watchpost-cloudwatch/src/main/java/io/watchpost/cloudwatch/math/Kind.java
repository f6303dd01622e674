package io.watchpost.cloudwatch.math;

/** The static type of a metric math term, as AWS's reference names them: S, TS and TS[]; strings and words only as arguments. */
enum Kind {
    SCALAR("S"), SERIES("TS"), ARRAY("TS[]"), STRING("string"), WORD("keyword");

    private final String display;

    Kind(String display) {
        this.display = display;
    }

    boolean numeric() {
        return this == SCALAR || this == SERIES || this == ARRAY;
    }

    @Override
    public String toString() {
        return display;
    }
}
