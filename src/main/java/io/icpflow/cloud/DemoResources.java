package io.icpflow.cloud;

import io.icpflow.calendar.EngineClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's inventory (API.md): every applicant has eligible ECS instances, the first in
 * cn-hangzhou, the next in cn-shanghai, and so on — subscription, twelve months purchased, a public
 * IP, a year left. Their ids name the owner ({@code i-demo-alice-1}), so nothing is stored.
 */
class DemoResources implements ResourcePort {

    private static final Pattern ID = Pattern.compile("^i-demo-(.+)-(\\d{1,6})$");
    private static final List<String> REGIONS = List.of("cn-hangzhou", "cn-shanghai");

    private final int instances;

    DemoResources(int instances) {
        this.instances = instances;
    }

    @Override
    public List<CloudResource> resourcesOf(String owner) {
        List<CloudResource> resources = new ArrayList<>();
        for (int n = 1; n <= instances; n++) {
            resources.add(instance(owner, n));
        }
        return resources;
    }

    @Override
    public Optional<CloudResource> find(String resourceId) {
        Matcher m = ID.matcher(resourceId == null ? "" : resourceId);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(2));
        return n >= 1 && n <= instances ? Optional.of(instance(m.group(1), n)) : Optional.empty();
    }

    private static CloudResource instance(String owner, int n) {
        return new CloudResource("i-demo-" + owner + "-" + n, owner, "ECS", REGIONS.get((n - 1) % REGIONS.size()),
                CloudResource.Billing.SUBSCRIPTION, 12, EngineClock.todayInChina().plusYears(1), true);
    }
}
