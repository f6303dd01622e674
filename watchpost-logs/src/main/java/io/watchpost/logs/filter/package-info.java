/**
 * The CloudWatch Logs filter-pattern language (metric filters, subscription filters, FilterLogEvents, Live Tail),
 * compiled: {@link io.watchpost.logs.filter.FilterPattern#compile} parses with error positions into a typed tree
 * ({@code PatternTree}) and then into an executable plan ({@code Plans}); {@link
 * io.watchpost.logs.filter.FilterPatternService} serves TestMetricFilter. Cases live in
 * {@code src/test/resources/filter-pattern-corpus.json}.
 *
 * <p>Decisions not confirmed against AWS (documented behaviour and recorded answers are cited where they are used):
 * unquoted terms accept only letters, digits and underscores, as the documentation says; {@code ?} starts a new
 * AND-group (the AWS CDK's reading); keywords ({@code IS NULL}, {@code NOT EXISTS}) are case-insensitive; relational
 * operators hold only on JSON numbers (not on numeric strings); a condition in a space-delimited field may name only
 * that field; more than two regular expressions in a JSON or space-delimited pattern and too-deep parentheses
 * answer "Invalid filter pattern"; {@code []} matches every event (AWS accepts it, recorded for subscription
 * filters); TestMetricFilter numbers events from 1.
 */
package io.watchpost.logs.filter;
