/** CloudWatch Logs destinations (PutDestination, PutDestinationPolicy, DescribeDestinations, DeleteDestination) and their lookup for subscription filters. */
package io.watchpost.logs.destination;
