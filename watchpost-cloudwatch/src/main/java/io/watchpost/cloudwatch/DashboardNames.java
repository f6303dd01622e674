package io.watchpost.cloudwatch;

import io.watchpost.core.Arn;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import java.util.regex.Pattern;

/**
 * Dashboard names, keys and ARNs. Dashboards are global to an account (AWS: "All dashboards in your account are
 * global, not region-specific"), so keys and ARNs carry the partition and account but no region.
 */
final class DashboardNames {
    static final int MAX_LENGTH = 255;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+");

    private DashboardNames() {}

    /** {@code partition/account/}: every dashboard of the caller's account, whichever region it called. */
    static String keyPrefix(RequestContext context) {
        return Arn.partitionOf(context.region()) + '/' + context.principal().accountId() + '/';
    }

    static String key(RequestContext context, String name) {
        return keyPrefix(context) + name;
    }

    /** {@code arn:aws:cloudwatch::ACCOUNT:dashboard/NAME}: no region, as AWS answers. */
    static String arn(RequestContext context, String name) {
        return new Arn(Arn.partitionOf(context.region()), "cloudwatch", "", context.principal().accountId(),
                "dashboard/" + name).toString();
    }

    /** PutDashboard's check of a present name: the characters, then the documented maximum length. */
    static void checkValid(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE,
                    "The value for field DashboardName contains invalid characters. "
                            + "It can only contain alphanumerics, dash (-) and underscore (_).\n");
        }
        if (name.length() > MAX_LENGTH) {
            throw new AwsException(AwsError.CW_INVALID_PARAMETER_VALUE,
                    "The value for field DashboardName must be at most " + MAX_LENGTH + " characters long.");
        }
    }
}
