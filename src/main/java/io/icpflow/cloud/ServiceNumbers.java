package io.icpflow.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.calendar.EngineClock;
import io.icpflow.reference.Regions;
import io.icpflow.rules.Rule;
import io.icpflow.rules.RuleBook;
import io.icpflow.rules.RuleTables;
import io.icpflow.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Service numbers (备案服务号; API.md "Cloud resources and service numbers"): which of an account's
 * resources give them (the table {@code service-numbers} in force), issuing them within the quota, and
 * their life with the filing that uses them. Table {@code service_number}.
 */
@Service
public class ServiceNumbers {

    public enum Status { UNUSED, IN_USE, USED }

    public record ServiceNumber(String serviceNumber, String owner, String resourceId, Status status, String filingId, String usedFor) {
    }

    /** A resource as the caller sees it, with how many numbers it can still give. */
    public record ResourceView(String id, String product, String region, CloudResource.Billing billing, int purchasedMonths,
                               LocalDate expiresOn, boolean publicIp, int serviceNumbersLeft) {
    }

    public record Issued(String serviceNumber, String resourceId, Status status) {
    }

    private final ResourcePort resources;
    private final RuleBook rules;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    ServiceNumbers(ResourcePort resources, RuleBook rules, Regions regions, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.resources = resources;
        this.rules = rules;
        this.regions = regions;
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(readOnly = true)
    public List<ResourceView> resourcesOf(String owner) {
        Rule rule = rule();
        List<CloudResource> owned = resources.resourcesOf(owner);
        Map<String, Integer> issued = issuedFor(owned.stream().map(CloudResource::id).toList());
        return owned.stream()
                .map(r -> new ResourceView(r.id(), r.product(), r.region(), r.billing(), r.purchasedMonths(), r.expiresOn(), r.publicIp(),
                        ineligibility(r, rule).isPresent() ? 0 : Math.max(0, quota(r, rule) - issued.getOrDefault(r.id(), 0))))
                .toList();
    }

    /** A new number from the caller's resource: 404 for another's or an unknown one, 409 when it is not eligible or its quota is used. */
    @Transactional
    public Issued issue(String owner, String resourceId) {
        CloudResource resource = resources.find(resourceId).filter(r -> r.owner().equals(owner))
                .orElseThrow(() -> ApiException.notFound("Resource " + resourceId));
        Rule rule = rule();
        Optional<String> refusal = ineligibility(resource, rule);
        if (refusal.isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "RESOURCE_NOT_ELIGIBLE", "Resource " + resourceId + " cannot give a service number: "
                    + refusal.get() + " (rule " + rule.id() + ")", List.of());
        }
        int quota = quota(resource, rule);
        if (!takeFromQuota(resourceId, quota)) {
            throw new ApiException(HttpStatus.CONFLICT, "SERVICE_NUMBER_QUOTA_EXCEEDED", "Resource " + resourceId + " has given its "
                    + quota + " service numbers (rule " + rule.id() + ")", List.of());
        }
        String number = "SN-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        OffsetDateTime now = EngineClock.nowInChina();
        jdbc.sql("""
                        insert into service_number (service_number, owner, resource_id, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(number, owner, resourceId, Status.UNUSED.name(), now, now).update();
        return new Issued(number, resourceId, Status.UNUSED);
    }

    @Transactional(readOnly = true)
    public List<ServiceNumber> numbersOf(String owner) {
        return jdbc.sql("select service_number, owner, resource_id, status, filing_id, used_for from service_number where owner = ? order by created_at")
                .param(owner).query(ServiceNumbers::row).list();
    }

    public Optional<ServiceNumber> find(String number) {
        return jdbc.sql("select service_number, owner, resource_id, status, filing_id, used_for from service_number where service_number = ?")
                .param(number).query(ServiceNumbers::row).optional();
    }

    public Optional<CloudResource> resourceOf(ServiceNumber number) {
        return resources.find(number.resourceId());
    }

    /** Whether the resource has too little time left for a filing to run on it (RESOURCE_EXPIRING). */
    public Optional<Rule> expiring(CloudResource resource, LocalDate today) {
        Rule rule = rule();
        return resource.expiresOn().isBefore(today.plusMonths(rule.value().path("minMonthsLeft").asInt(1))) ? Optional.of(rule) : Optional.empty();
    }

    public Rule rule() {
        return rules.required(RuleTables.SERVICE_NUMBERS, null, EngineClock.todayInChina());
    }

    /**
     * Takes the number for a website or app of the application (its earlier hold released first): true
     * when it was free. One conditional update: a second application racing for it finds it taken.
     */
    public boolean claim(String number, String owner, String filingId, String usedFor) {
        return jdbc.sql("""
                        update service_number set status = ?, filing_id = ?, used_for = ?, updated_at = ?
                        where service_number = ? and owner = ? and status = ?""")
                .params(Status.IN_USE.name(), filingId, usedFor, EngineClock.nowInChina(), number, owner, Status.UNUSED.name())
                .update() == 1;
    }

    /** Frees what the application holds, before it claims again (a resubmission may name other numbers). */
    public void releaseHeldBy(String filingId) {
        jdbc.sql("update service_number set status = ?, filing_id = null, used_for = null, updated_at = ? where filing_id = ? and status = ?")
                .params(Status.UNUSED.name(), EngineClock.nowInChina(), filingId, Status.IN_USE.name()).update();
    }

    /** The application is ACTIVE: its numbers are used for good. */
    public void filed(String filingId) {
        jdbc.sql("update service_number set status = ?, updated_at = ? where filing_id = ? and status = ?")
                .params(Status.USED.name(), EngineClock.nowInChina(), filingId, Status.IN_USE.name()).update();
    }

    private Optional<String> ineligibility(CloudResource r, Rule rule) {
        JsonNode v = rule.value();
        List<String> billing = new ArrayList<>();
        v.path("billing").forEach(b -> billing.add(b.asText()));
        if (!billing.isEmpty() && !billing.contains(r.billing().name())) {
            return Optional.of(r.billing() + " billing (a service number needs " + String.join(" or ", billing) + ")");
        }
        if (r.purchasedMonths() < v.path("minPurchasedMonths").asInt(0)) {
            return Optional.of("only " + r.purchasedMonths() + " months purchased (at least " + v.path("minPurchasedMonths").asInt() + ")");
        }
        if (v.path("publicIp").asBoolean(false) && !r.publicIp()) {
            return Optional.of("no public IP (a resource without one serves no website)");
        }
        if (v.path("mainland").asBoolean(false) && !regions.isMainland(r.region())) {
            return Optional.of("region " + r.region() + " is outside the mainland (no ICP filing there)");
        }
        return Optional.empty();
    }

    private static int quota(CloudResource r, Rule rule) {
        return rule.value().path("perInstance").path(r.product()).asInt(rule.value().path("defaultPerInstance").asInt(1));
    }

    private boolean takeFromQuota(String resourceId, int quota) {
        try {
            // in a savepoint: on PostgreSQL a failed insert would abort the whole transaction
            savepoint.executeWithoutResult(tx -> jdbc.sql("""
                            insert into service_number_quota (resource_id, issued)
                            select ?, 0 where not exists (select 1 from service_number_quota where resource_id = ?)""")
                    .params(resourceId, resourceId).update());
        } catch (DuplicateKeyException sameResourceAtTheSameTime) {
            // another request created the row first: it is there now
        }
        return jdbc.sql("update service_number_quota set issued = issued + 1 where resource_id = ? and issued < ?")
                .params(resourceId, quota).update() == 1;
    }

    private Map<String, Integer> issuedFor(List<String> resourceIds) {
        Map<String, Integer> issued = new HashMap<>();
        if (resourceIds.isEmpty()) {
            return issued;
        }
        jdbc.sql("select resource_id, issued from service_number_quota where resource_id in (:ids)").param("ids", resourceIds)
                .query(rs -> {
                    issued.put(rs.getString(1), rs.getInt(2));
                });
        return issued;
    }

    private static ServiceNumber row(ResultSet rs, int n) throws SQLException {
        return new ServiceNumber(rs.getString(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6));
    }
}
