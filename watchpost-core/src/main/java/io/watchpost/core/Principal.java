package io.watchpost.core;

import static java.util.Objects.requireNonNull;

/**
 * Who made a call: the access key it was signed with and the account and IAM user that key belongs to.
 * In {@code open} auth mode every key maps to the default account and the user {@code watchpost}.
 */
public record Principal(String accessKeyId, String accountId, String userName) {
    public Principal {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(userName, "userName is null");
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + userName;
    }
}
