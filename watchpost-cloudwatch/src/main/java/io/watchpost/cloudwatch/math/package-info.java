/**
 * GetMetricData and the metric math language.
 *
 * <p>The engine is a compiler: {@link io.watchpost.cloudwatch.math.Lexer} and
 * {@link io.watchpost.cloudwatch.math.ExpressionParser} (bounded to 2,048 characters and 64 levels of nesting,
 * errors with 1-based positions) produce an {@code Expr} tree; {@code Compiler}/{@code Calls} resolve Ids and check
 * AWS's signatures into a typed {@code Node} tree (S, TS, TS[]); {@code Evaluator} runs it over
 * {@code TimeSeries}, which hold primitive {@code long[]}/{@code double[]} arrays. The per-datapoint loops
 * ({@code SeriesKernels}, {@code Aggregates}, {@code Grids}, {@code Conditionals}) are the hot path: one allocation
 * per result series, no boxing. Boxing happens once, when {@code Pager} builds the SDK response.
 *
 * <p>Semantics taken from AWS's "Using metric math" reference: missing values count as 0 in arithmetic and
 * comparisons between series and in AVG across an array; non-finite results are dropped and reported as an
 * {@code ArithmeticError} message on the result; IF follows AWS's tables; DAY is 1 (Monday) to 7 (Sunday), all
 * timestamp functions in UTC. Choices the reference leaves open, made here: STDDEV is the population standard
 * deviation; FILL REPEAT and LINEAR leave leading (and, for LINEAR, trailing) gaps empty; SORT puts empty series
 * last; grids (FILL, TIME_SERIES, timestamp functions) start at the request's rounded StartTime.
 * ANOMALY_DETECTION_BAND, INSIGHT_RULE_METRIC, SERVICE_QUOTA, DB_PERF_INSIGHTS and LAMBDA answer a clear
 * "not supported" error.
 */
package io.watchpost.cloudwatch.math;
