/**
 * CloudWatch alarms: the metric- and composite-alarm API ({@link io.watchpost.cloudwatch.alarms.AlarmsService}), the
 * evaluation engine on the scheduler, the composite-rule compiler, history, and the state-change notifications
 * ({@link io.watchpost.cloudwatch.alarms.AlarmStateListener}) the server turns into EventBridge events and actions.
 */
package io.watchpost.cloudwatch.alarms;
