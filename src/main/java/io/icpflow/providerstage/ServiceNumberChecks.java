package io.icpflow.providerstage;

import io.icpflow.cloud.CloudResource;
import io.icpflow.cloud.ServiceNumbers;
import io.icpflow.cloud.ServiceNumbers.ServiceNumber;
import io.icpflow.filing.Filing;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.Reason;
import io.icpflow.filing.ReasonCode;
import io.icpflow.rules.Rule;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each website and app of a new filing, new website or transfer names a service number of the
 * caller's (API.md): missing, unknown or another's, bound to another website or app, or from a
 * resource with under a month left is a reason at its {@code serviceNumber}. The check also takes
 * the numbers for the application, in its transaction: of two applications racing for a number,
 * exactly one holds it.
 */
@Component
class ServiceNumberChecks implements FilingChecks {

    private static final Set<FilingType> TYPES = EnumSet.of(FilingType.NEW_FILING, FilingType.NEW_WEBSITE, FilingType.TRANSFER);

    private final ServiceNumbers numbers;

    ServiceNumberChecks(ServiceNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public boolean appliesTo(FilingType type) {
        return TYPES.contains(type);
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public Result run(Filing filing, LocalDate today) {
        Rule rule = numbers.rule();
        List<Reason> failures = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        // what a resubmission names now; what it no longer names is free again
        numbers.releaseHeldBy(filing.id());
        List<Website> websites = filing.application().websites();
        for (int i = 0; i < websites.size(); i++) {
            check(filing, "websites[" + i + "]", websites.get(i).serviceNumber(), today, rule, failures, findings);
        }
        List<App> apps = filing.application().apps();
        for (int i = 0; i < apps.size(); i++) {
            check(filing, "apps[" + i + "]", apps.get(i).serviceNumber(), today, rule, failures, findings);
        }
        return Result.of(failures, List.of(), findings, false);
    }

    private void check(Filing filing, String at, String number, LocalDate today, Rule rule, List<Reason> failures, List<String> findings) {
        String field = at + ".serviceNumber";
        if (number == null) {
            failures.add(new Reason(ReasonCode.SERVICE_NUMBER_MISSING, field, null, rule.id()));
            return;
        }
        Optional<ServiceNumber> known = numbers.find(number).filter(n -> n.owner().equals(filing.owner()));
        Optional<CloudResource> resource = known.flatMap(numbers::resourceOf);
        if (known.isEmpty() || resource.isEmpty()) {
            failures.add(new Reason(ReasonCode.SERVICE_NUMBER_INVALID, field, number, rule.id()));
            return;
        }
        if (!numbers.claim(number, filing.owner(), filing.id(), at)) {
            failures.add(new Reason(ReasonCode.SERVICE_NUMBER_USED, field, number, rule.id()));
            return;
        }
        Optional<Rule> expiring = numbers.expiring(resource.get(), today);
        if (expiring.isPresent()) {
            failures.add(new Reason(ReasonCode.RESOURCE_EXPIRING, field, resource.get().id() + " " + resource.get().expiresOn(),
                    expiring.get().id()));
            return;
        }
        findings.add(at + ": service number " + number + " of " + resource.get().product() + " " + resource.get().id() + " ("
                + resource.get().region() + ", expires " + resource.get().expiresOn() + ")");
    }
}
