package io.icpflow.cloud;

import java.time.LocalDate;

/**
 * One of an account's cloud resources, as the resource port reports it (API.md "Cloud resources and
 * service numbers"): a service number is generated from it for each website or app it serves.
 */
public record CloudResource(String id, String owner, String product, String region, Billing billing, int purchasedMonths,
                            LocalDate expiresOn, boolean publicIp) {

    public enum Billing { SUBSCRIPTION, PAY_AS_YOU_GO }
}
