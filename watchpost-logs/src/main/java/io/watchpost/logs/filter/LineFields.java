package io.watchpost.logs.filter;

/**
 * Splits a log line the way space-delimited patterns see it: fields are separated by spaces; a field that starts
 * with {@code "} runs to the next {@code "} and one that starts with {@code [} to the next {@code ]}, and the
 * quotes or brackets are not part of the value ({@code [10/Oct/2000:13:25:15 -0700]} is one field). An unclosed
 * quote or bracket runs to the end of the line.
 *
 * <p>Fields are kept as offsets into the line ({@code starts[i]}, {@code ends[i]}), so splitting allocates two small
 * arrays per event and no strings.
 */
final class LineFields {
    final String line;
    int count;
    int[] starts;
    int[] ends;

    private LineFields(String line, int capacity) {
        this.line = line;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    static LineFields split(String line) {
        LineFields fields = new LineFields(line, 16);
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '"' || c == '[') {
                char close = c == '"' ? '"' : ']';
                int end = line.indexOf(close, i + 1);
                int stop = end < 0 ? length : end;
                fields.add(i + 1, stop);
                i = end < 0 ? length : end + 1;
            } else {
                int end = line.indexOf(' ', i);
                int stop = end < 0 ? length : end;
                fields.add(i, stop);
                i = stop;
            }
        }
        return fields;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    String value(int index) {
        return line.substring(starts[index], ends[index]);
    }
}
