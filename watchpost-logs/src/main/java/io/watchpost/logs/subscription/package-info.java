/**
 * Subscription filters: PutSubscriptionFilter, DescribeSubscriptionFilters and DeleteSubscriptionFilter
 * ({@link io.watchpost.logs.subscription.SubscriptionFilters}), and the ingest listener that builds AWS's
 * payloads ({@link io.watchpost.logs.subscription.SubscriptionPayloads}) and hands them to
 * {@link io.watchpost.logs.subscription.SubscriptionDelivery}. Filters live in the journal's
 * {@code subscription-filters} table; decisions are in the module's {@code RATIONALE.md}.
 */
package io.watchpost.logs.subscription;
