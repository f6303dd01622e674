package io.watchpost.events.partner;

import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventSourceResponse;
import software.amazon.awssdk.services.eventbridge.model.EventSource;
import software.amazon.awssdk.services.eventbridge.model.PartnerEventSource;
import software.amazon.awssdk.services.eventbridge.model.PartnerEventSourceAccount;

/** Stored partner event sources as the SDK shapes EventBridge answers with. ExpirationTime only while PENDING. */
final class PartnerViews {
    private PartnerViews() {}

    static PartnerEventSource partnerSource(String region, PartnerSourceRecord source) {
        return PartnerEventSource.builder().arn(PartnerSources.arn(region, source.name())).name(source.name()).build();
    }

    static PartnerEventSourceAccount account(PartnerSourceRecord source) {
        return PartnerEventSourceAccount.builder().account(source.account())
                .creationTime(Instant.ofEpochMilli(source.creationMillis()))
                .expirationTime(expiration(source, source.state()))
                .state(source.state()).build();
    }

    static EventSource eventSource(String region, PartnerSourceRecord source, String state) {
        return EventSource.builder().arn(PartnerSources.arn(region, source.name())).createdBy(createdBy(source))
                .creationTime(Instant.ofEpochMilli(source.creationMillis())).expirationTime(expiration(source, state))
                .name(source.name()).state(state).build();
    }

    static DescribeEventSourceResponse described(String region, PartnerSourceRecord source, String state) {
        return DescribeEventSourceResponse.builder().arn(PartnerSources.arn(region, source.name()))
                .createdBy(createdBy(source)).creationTime(Instant.ofEpochMilli(source.creationMillis()))
                .expirationTime(expiration(source, state)).name(source.name()).state(state).build();
    }

    /** The partner's name: the segment after {@code aws.partner/} ({@code partner_name/namespace/event_name}). */
    static String createdBy(PartnerSourceRecord source) {
        String rest = source.name().substring("aws.partner/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static Instant expiration(PartnerSourceRecord source, String state) {
        return state.equals(PartnerSourceRecord.PENDING) ? Instant.ofEpochMilli(source.expirationMillis()) : null;
    }
}
