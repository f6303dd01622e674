package io.watchpost.server.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One AWS destination Watchpost does not host (a Lambda function, an SQS queue, a Kinesis stream, an SNS topic,
 * …) mapped to an HTTP endpoint that receives exactly the payload AWS would deliver. {@code arnPattern} is an
 * ARN in which {@code *} matches any run of characters.
 */
public record DestinationMapping(String arnPattern, URI url) {
    public DestinationMapping {
        requireNonNull(arnPattern, "arnPattern is null");
        requireNonNull(url, "url is null");
    }

    public boolean matches(String arn) {
        StringBuilder regex = new StringBuilder();
        for (String part : arnPattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return arn.matches(regex.toString());
    }
}
