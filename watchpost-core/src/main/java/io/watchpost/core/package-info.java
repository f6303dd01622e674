/** Accounts, regions, ARNs, ids, clock, the AWS error table, pagination tokens and the cross-service ports. */
package io.watchpost.core;
