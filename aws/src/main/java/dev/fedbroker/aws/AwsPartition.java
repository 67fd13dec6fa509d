package dev.fedbroker.aws;

/**
 * An AWS partition: the first field of every ARN ({@code arn:<partition>:...}). Each partition has its own sign-in
 * endpoint. Immutable; thread-safe.
 */
public enum AwsPartition {
    /** The commercial regions: {@code arn:aws:}. */
    AWS("aws"),
    /** The China regions: {@code arn:aws-cn:}. */
    AWS_CN("aws-cn"),
    /** AWS GovCloud (US): {@code arn:aws-us-gov:}. */
    AWS_US_GOV("aws-us-gov");

    private final String id;

    AwsPartition(String id) {
        this.id = id;
    }

    /** The partition as it appears in ARNs, e.g. {@code aws-cn}. */
    public String id() {
        return id;
    }
}
