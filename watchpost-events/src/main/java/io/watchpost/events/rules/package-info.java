/**
 * EventBridge rules, targets and events: {@link io.watchpost.events.rules.EventRulesService} (PutRule and friends,
 * PutTargets, PutEvents, TestEventPattern) over a partitioned rule index.
 */
package io.watchpost.events.rules;
