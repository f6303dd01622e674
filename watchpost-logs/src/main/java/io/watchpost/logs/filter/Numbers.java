package io.watchpost.logs.filter;

/** Number recognition as the filter language has it: optional sign, digits, fraction, exponent. */
final class Numbers {
    private Numbers() {}

    /** The value of {@code s[from, to)} when it is a number, else NaN; integers are parsed without allocating. */
    static double parse(CharSequence s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long whole = 0;
        while (i < to && isDigit(s.charAt(i)) && i - digitsStart < 18) {
            whole = whole * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == to && i > digitsStart) {
            return negative ? -whole : whole;
        }
        return valid(s, from, to) ? Double.parseDouble(s.subSequence(from, to).toString()) : Double.NaN;
    }

    private static boolean valid(CharSequence s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
