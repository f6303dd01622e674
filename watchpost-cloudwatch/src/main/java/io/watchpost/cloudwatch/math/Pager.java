package io.watchpost.cloudwatch.math;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Cuts results into pages of at most {@code MaxDatapoints} datapoints in total. A page carries the results it
 * reaches, in request order; a result cut short is {@code PartialData} and the {@code NextToken} resumes inside it.
 * The token holds a fingerprint of the request, so it only continues the same request. As AWS documents, no
 * {@code NextToken} is returned when the request performs math expressions: results past the limit are cut and
 * marked {@code PartialData}.
 */
final class Pager {
    private final PageTokens tokens;

    Pager(PageTokens tokens) {
        this.tokens = tokens;
    }

    /** Where a page starts: a result index and a datapoint offset inside it. */
    record Cursor(int result, int offset) {}

    Cursor decode(String token, String fingerprint, List<ResultSeries> results) {
        Optional<String> payload = tokens.decode(token);
        String[] parts = payload.map(p -> p.split(":")).orElse(new String[0]);
        try {
            if (parts.length == 3 && parts[0].equals(fingerprint)) {
                Cursor cursor = new Cursor(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                if (cursor.result() >= 0 && cursor.result() < results.size() && cursor.offset() >= 0
                        && cursor.offset() <= results.get(cursor.result()).size()) {
                    return cursor;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new AwsException(AwsError.CW_INVALID_NEXT_TOKEN, "The service couldn't find the next token.");
    }

    GetMetricDataResponse page(List<ResultSeries> results, List<MessageData> messages, Cursor cursor, int budget,
            boolean paginate, String fingerprint) {
        List<MetricDataResult> out = new ArrayList<>();
        String next = null;
        int left = budget;
        for (int r = cursor.result(); r < results.size(); r++) {
            ResultSeries result = results.get(r);
            int from = r == cursor.result() ? cursor.offset() : 0;
            int remaining = result.size() - from;
            if (paginate && left == 0 && remaining > 0) {
                next = tokens.encode(fingerprint + ":" + r + ":" + from);
                break;
            }
            int take = Math.min(left, remaining);
            left -= take;
            boolean complete = take == remaining;
            out.add(slice(result, from, take, complete));
            if (!complete && paginate) {
                next = tokens.encode(fingerprint + ":" + r + ":" + (from + take));
                break;
            }
        }
        return GetMetricDataResponse.builder().metricDataResults(out).messages(messages).nextToken(next).build();
    }

    private static MetricDataResult slice(ResultSeries result, int from, int take, boolean complete) {
        List<Instant> timestamps = new ArrayList<>(take);
        List<Double> values = new ArrayList<>(take);
        for (int i = from; i < from + take; i++) {
            timestamps.add(Instant.ofEpochSecond(result.times()[i]));
            values.add(result.values()[i]);
        }
        StatusCode status = complete ? result.status() : StatusCode.PARTIAL_DATA;
        return MetricDataResult.builder().id(result.id()).label(result.label()).timestamps(timestamps)
                .values(values).statusCode(status).messages(result.messages()).build();
    }
}
