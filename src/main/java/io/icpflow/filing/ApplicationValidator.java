package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.PreApprovalCategory;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import io.icpflow.reference.Regions;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an application's shape before anything is stored, and returns it normalised (domains as
 * UTS #46 lower-case ASCII). Every problem is reported at once, with its field path, so that an
 * applicant can fix them all in one go.
 */
@Component
public class ApplicationValidator {

    private static final Set<String> LOCALES = Set.of("zh-CN", "en");
    /** One deliverable address (RFC 5321 dot-atom, ASCII host name): "a@x.com,b" and display names are not. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    /**
     * Characters no name needs and that change how text is shown: controls (also U+0085), format
     * characters (bidi overrides such as U+202E, zero-width U+200B), line and paragraph separators,
     * lone surrogates, private-use and unassigned code points.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}\\p{Cn}]");
    private static final int MAX_NAME = 100;
    private static final int MAX_WEBSITES = 20;
    private static final int MAX_DOMAINS = 20;

    private final Provinces provinces;
    private final Regions regions;
    private final DomainNames domainNames;

    public ApplicationValidator(Provinces provinces, Regions regions, DomainNames domainNames) {
        this.provinces = provinces;
        this.regions = regions;
        this.domainNames = domainNames;
    }

    public FilingApplication validate(FilingApplication app) {
        List<FieldProblem> errors = new ArrayList<>();
        if (app == null) {
            throw ApiException.invalid(List.of(new FieldProblem("", "REQUIRED", "a JSON body is required")));
        }
        if (app.type() == null) {
            errors.add(required("type"));
        } else if (app.type() == FilingType.TRANSFER || app.type().isCancellation()) {
            if (app.icpNumber() == null || app.icpNumber().isBlank()) {
                errors.add(required("icpNumber"));
            } else if (!IcpNumber.isValid(app.icpNumber())) {
                errors.add(new FieldProblem("icpNumber", "INVALID_FORMAT",
                        "an ICP number such as 浙ICP备2026012345号 (or a website number ending -N)"));
            }
        }
        if (app.locale() != null && !LOCALES.contains(app.locale())) {
            errors.add(new FieldProblem("locale", "UNKNOWN_VALUE", "must be one of " + LOCALES));
        }
        if (app.type() != null && app.type().isCancellation()) {
            if (app.reason() == null || app.reason().isBlank()) {
                errors.add(required("reason"));
            } else if (app.reason().length() > 500) {
                errors.add(new FieldProblem("reason", "TOO_LONG", "at most 500 characters"));
            } else if (CONTROL.matcher(app.reason().replace('\n', ' ')).find()) {
                errors.add(new FieldProblem("reason", "INVALID_CHARACTERS", "must not contain control characters"));
            }
        }
        checkSubject(app.subject(), errors);
        // a cancellation may name the websites it covers; every other type must
        boolean websitesOptional = app.type() != null && app.type().isCancellation();
        List<Website> websites = websitesOptional && (app.websites() == null || app.websites().isEmpty())
                ? List.of() : checkWebsites(app.websites(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new FilingApplication(app.type(), app.localeOrDefault(), app.subject(), websites, app.icpNumber(), app.reason());
    }

    private void checkSubject(Subject subject, List<FieldProblem> errors) {
        if (subject == null) {
            errors.add(required("subject"));
            return;
        }
        if (subject.kind() == null) {
            errors.add(required("subject.kind"));
        }
        text(subject.name(), "subject.name", errors);
        if (subject.idNumber() == null || subject.idNumber().isBlank()) {
            errors.add(required("subject.idNumber"));
        } else if (subject.kind() == SubjectKind.ENTERPRISE) {
            if (!IdNumbers.isUsccFormat(subject.idNumber())) {
                errors.add(new FieldProblem("subject.idNumber", "INVALID_FORMAT",
                        "an enterprise's idNumber is an 18-character unified social credit code (GB 32100)"));
            } else if (!IdNumbers.isValidUscc(subject.idNumber())) {
                errors.add(new FieldProblem("subject.idNumber", "INVALID_CHECK_CHARACTER",
                        "the unified social credit code's check character (GB 32100) does not match"));
            }
        } else if (subject.kind() == SubjectKind.INDIVIDUAL) {
            if (!IdNumbers.isResidentIdFormat(subject.idNumber())) {
                errors.add(new FieldProblem("subject.idNumber", "INVALID_FORMAT",
                        "an individual's idNumber is an 18-character resident ID number with a valid birth date (GB 11643)"));
            } else if (!IdNumbers.isValidResidentId(subject.idNumber())) {
                errors.add(new FieldProblem("subject.idNumber", "INVALID_CHECK_DIGIT",
                        "the resident ID number's check digit (GB 11643) does not match"));
            }
        }
        if (subject.province() == null || subject.province().isBlank()) {
            errors.add(required("subject.province"));
        } else if (provinces.find(subject.province()).isEmpty()) {
            errors.add(new FieldProblem("subject.province", "UNKNOWN_VALUE",
                    "not an ISO 3166-2:CN code of a mainland province (BJ, SH, ZJ, GD, …)"));
        }
        if (subject.contact() == null) {
            errors.add(required("subject.contact"));
            return;
        }
        text(subject.contact().name(), "subject.contact.name", errors);
        if (subject.contact().email() == null || subject.contact().email().isBlank()) {
            errors.add(required("subject.contact.email"));
        } else if (subject.contact().email().length() > 254 || subject.contact().email().indexOf('@') > 64 || !EMAIL.matcher(subject.contact().email()).matches()) {
            errors.add(new FieldProblem("subject.contact.email", "INVALID_FORMAT", "not an email address"));
        }
        if (subject.contact().mobile() == null || subject.contact().mobile().isBlank()) {
            errors.add(required("subject.contact.mobile"));
        } else if (!MOBILE.matcher(subject.contact().mobile()).matches()) {
            errors.add(new FieldProblem("subject.contact.mobile", "INVALID_FORMAT",
                    "an 11-digit mainland mobile number: MIIT texts it for verification"));
        }
    }

    private List<Website> checkWebsites(List<Website> websites, List<FieldProblem> errors) {
        if (websites == null || websites.isEmpty()) {
            errors.add(required("websites"));
            return List.of();
        }
        if (websites.size() > MAX_WEBSITES) {
            errors.add(new FieldProblem("websites", "TOO_MANY", "at most " + MAX_WEBSITES + " websites per application"));
            return List.of();
        }
        List<Website> normalised = new ArrayList<>();
        for (int i = 0; i < websites.size(); i++) {
            Website w = websites.get(i);
            String at = "websites[" + i + "]";
            if (w == null) {
                errors.add(required(at));
                continue;
            }
            text(w.name(), at + ".name", errors);
            if (w.serverRegion() == null || w.serverRegion().isBlank()) {
                errors.add(required(at + ".serverRegion"));
            } else if (regions.find(w.serverRegion()).isEmpty()) {
                errors.add(new FieldProblem(at + ".serverRegion", "UNKNOWN_VALUE", "not a region of ours"));
            }
            if (w.content() == null) {
                errors.add(required(at + ".content"));
            }
            normalised.add(new Website(w.name(), domains(w.domains(), at + ".domains", errors), w.serverRegion(),
                    w.content(), Boolean.TRUE.equals(w.domainCertificate()), categories(w.preApprovalCategories(), at, errors)));
        }
        return normalised;
    }

    private static List<PreApprovalCategory> categories(List<PreApprovalCategory> categories, String at, List<FieldProblem> errors) {
        if (categories == null) {
            return List.of();
        }
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i) == null) {
                errors.add(new FieldProblem(at + ".preApprovalCategories[" + i + "]", "REQUIRED", "one of " + List.of(PreApprovalCategory.values())));
            }
        }
        return categories.stream().filter(Objects::nonNull).distinct().toList();
    }

    private List<String> domains(List<String> domains, String at, List<FieldProblem> errors) {
        if (domains == null || domains.isEmpty()) {
            errors.add(required(at));
            return List.of();
        }
        if (domains.size() > MAX_DOMAINS) {
            errors.add(new FieldProblem(at, "TOO_MANY", "at most " + MAX_DOMAINS + " domains"));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int j = 0; j < domains.size(); j++) {
            String field = at + "[" + j + "]";
            String raw = domains.get(j);
            if (raw == null || raw.isBlank()) {
                errors.add(required(field));
                continue;
            }
            domainNames.normalize(raw).ifPresentOrElse(ascii -> {
                if (result.contains(ascii)) {
                    errors.add(new FieldProblem(field, "DUPLICATE", "listed twice"));
                } else {
                    result.add(ascii);
                }
            }, () -> errors.add(new FieldProblem(field, "INVALID_DOMAIN",
                    "not a valid domain name (IDN allowed, checked with UTS #46)")));
        }
        return result;
    }

    private static void text(String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(required(field));
        } else if (value.length() > MAX_NAME) {
            errors.add(new FieldProblem(field, "TOO_LONG", "at most " + MAX_NAME + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            errors.add(new FieldProblem(field, "INVALID_CHARACTERS", "must not contain control characters"));
        }
    }

    private static FieldProblem required(String field) {
        return new FieldProblem(field, "REQUIRED", "is required");
    }
}
