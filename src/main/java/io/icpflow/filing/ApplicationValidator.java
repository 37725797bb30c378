package io.icpflow.filing;

import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingApplication.Platform;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.reference.Provinces;
import io.icpflow.reference.Regions;
import io.icpflow.registry.IcpNumber;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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
    private static final int MAX_APPS = 20;
    private static final Pattern SERVICE_NUMBER = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final Pattern MATERIAL_ID = Pattern.compile("^[0-9a-f-]{36}$");
    private static final int MAX_MATERIALS = 30;

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
        FilingType type = app.type();
        if (type == null) {
            errors.add(required("type"));
        } else if (type.namesANumber()) {
            checkNumber(type, app.icpNumber(), errors);
        }
        if (app.locale() != null && !LOCALES.contains(app.locale())) {
            errors.add(new FieldProblem("locale", "UNKNOWN_VALUE", "must be one of " + LOCALES));
        }
        if (type != null && type.isCancellation()) {
            if (app.reason() == null || app.reason().isBlank()) {
                errors.add(required("reason"));
            } else if (app.reason().length() > 500) {
                errors.add(new FieldProblem("reason", "TOO_LONG", "at most 500 characters"));
            } else if (CONTROL.matcher(app.reason().replace('\n', ' ')).find()) {
                errors.add(new FieldProblem("reason", "INVALID_CHARACTERS", "must not contain control characters"));
            }
        }
        checkSubject(app.subject(), errors);
        Subject subject = app.subject() == null ? null : app.subject().withMaterials(materials(app.subject().materials(), "subject", errors));
        List<Website> websites = List.of();
        List<App> apps = List.of();
        if (type == null || type.isApplication()) {
            // websites, apps or both: at least one entry in all (API.md "Apps")
            boolean none = (app.websites() == null || app.websites().isEmpty()) && app.apps().isEmpty();
            if (none) {
                errors.add(new FieldProblem("websites", "REQUIRED", "at least one website or app (apps)"));
            } else {
                websites = app.websites() == null || app.websites().isEmpty() ? List.of() : checkWebsites(app.websites(), type, errors);
                apps = checkApps(app.apps(), errors);
            }
        } else if (type == FilingType.TRANSFER) {
            websites = checkWebsites(app.websites(), type, errors);
        } else if (type == FilingType.CHANGE_WEBSITE) {
            websites = exactlyOne("websites", app.websites(), errors) ? checkWebsites(app.websites(), type, errors) : List.of();
        } else if (type == FilingType.CHANGE_APP) {
            apps = exactlyOne("apps", app.apps(), errors) ? checkApps(app.apps(), errors) : List.of();
        } else if (type.isCancellation() && app.websites() != null && !app.websites().isEmpty()) {
            // a cancellation may name the websites it covers
            websites = checkWebsites(app.websites(), type, errors);
        }
        // a subject change carries the subject only: websites and apps in its body are not read
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new FilingApplication(type, app.localeOrDefault(), subject, websites, apps, app.icpNumber(), app.reason());
    }

    /** The number a transfer, cancellation or change names, of the kind its type works on. */
    private static void checkNumber(FilingType type, String icpNumber, List<FieldProblem> errors) {
        if (icpNumber == null || icpNumber.isBlank()) {
            errors.add(required("icpNumber"));
            return;
        }
        IcpNumber number = IcpNumber.parse(icpNumber).orElse(null);
        if (number == null) {
            errors.add(new FieldProblem("icpNumber", "INVALID_FORMAT",
                    "an ICP number such as 浙ICP备2026012345号 (or a website number ending -N, an app number ending -NA)"));
        } else if (number.kind().isFiledByPlatform()) {
            errors.add(new FieldProblem("icpNumber", "FILED_BY_PLATFORM", number + " is a " + number.kind().label()
                    + "'s number: mini programs and quick apps are filed, changed and cancelled through their platform, not through us"));
        } else if (type.isPerWebsite() && number.kind() == IcpNumber.Kind.APP) {
            errors.add(new FieldProblem("icpNumber", "NOT_A_WEBSITE_NUMBER", number + " is an app's number: use "
                    + (type == FilingType.CHANGE_WEBSITE ? FilingType.CHANGE_APP : FilingType.CANCEL_APP)));
        } else if (type.isPerApp() && number.kind() == IcpNumber.Kind.WEBSITE) {
            errors.add(new FieldProblem("icpNumber", "NOT_AN_APP_NUMBER", number + " is a website's number: use "
                    + (type == FilingType.CHANGE_APP ? FilingType.CHANGE_WEBSITE : FilingType.CANCEL_WEBSITE)));
        }
    }

    private static boolean exactlyOne(String field, List<?> entries, List<FieldProblem> errors) {
        if (entries == null || entries.isEmpty()) {
            errors.add(new FieldProblem(field, "REQUIRED", "exactly one entry: the " + field.substring(0, field.length() - 1)
                    + " as it shall be"));
            return false;
        }
        if (entries.size() > 1) {
            errors.add(new FieldProblem(field, "EXACTLY_ONE", "a change names one " + field.substring(0, field.length() - 1)
                    + " (its number is icpNumber); change others in applications of their own"));
            return false;
        }
        return true;
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

    private List<Website> checkWebsites(List<Website> websites, FilingType type, List<FieldProblem> errors) {
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
            if (type == FilingType.CHANGE_WEBSITE && (w.domains() == null || w.domains().isEmpty())) {
                errors.add(new FieldProblem(at + ".domains", "REQUIRED",
                        "a website keeps at least one domain: to remove its last one, cancel the website (CANCEL_WEBSITE)"));
                continue;
            }
            normalised.add(new Website(w.name(), domains(w.domains(), at + ".domains", errors), w.serverRegion(),
                    w.content(), Boolean.TRUE.equals(w.domainCertificate()), categories(w.preApprovalCategories(), at, errors),
                    serviceNumber(w.serviceNumber(), at, errors), materials(w.materials(), at, errors), w.domainHeldByForeignParent()));
        }
        return normalised;
    }

    private List<App> checkApps(List<App> apps, List<FieldProblem> errors) {
        if (apps.size() > MAX_APPS) {
            errors.add(new FieldProblem("apps", "TOO_MANY", "at most " + MAX_APPS + " apps per application"));
            return List.of();
        }
        List<App> normalised = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (int i = 0; i < apps.size(); i++) {
            App a = apps.get(i);
            String at = "apps[" + i + "]";
            if (a == null) {
                errors.add(required(at));
                continue;
            }
            text(a.name(), at + ".name", errors);
            if (a.serverRegion() == null || a.serverRegion().isBlank()) {
                errors.add(required(at + ".serverRegion"));
            } else if (regions.find(a.serverRegion()).isEmpty()) {
                errors.add(new FieldProblem(at + ".serverRegion", "UNKNOWN_VALUE", "not a region of ours"));
            }
            if (a.content() == null) {
                errors.add(required(at + ".content"));
            }
            List<AppPlatform> platforms = new ArrayList<>();
            if (a.platforms() == null || a.platforms().isEmpty()) {
                errors.add(new FieldProblem(at + ".platforms", "REQUIRED", "at least one of " + List.of(Platform.values())));
            } else {
                Set<Platform> seen = EnumSet.noneOf(Platform.class);
                for (int k = 0; k < a.platforms().size(); k++) {
                    AppPlatform p = a.platforms().get(k);
                    String pat = at + ".platforms[" + k + "]";
                    if (p == null) {
                        errors.add(required(pat));
                        continue;
                    }
                    if (p.platform() != null && !seen.add(p.platform())) {
                        errors.add(new FieldProblem(pat + ".platform", "DUPLICATE", p.platform() + " is listed twice"));
                    }
                    AppPlatform checked = AppFeatures.check(p, pat, errors);
                    String identifier = checked.identifier();
                    if (identifier != null && !identifier.isBlank() && !identifiers.add(checked.platform() + ":" + identifier)) {
                        errors.add(new FieldProblem(pat + (checked.platform().usesBundleId() ? ".bundleId" : ".packageName"), "DUPLICATE",
                                identifier + " is listed for two apps of this application"));
                    }
                    platforms.add(checked);
                }
            }
            normalised.add(new App(a.name(), a.content(), a.serverRegion(), platforms, categories(a.preApprovalCategories(), at, errors),
                    serviceNumber(a.serviceNumber(), at, errors), materials(a.materials(), at, errors)));
        }
        return normalised;
    }

    /** Each attached material names its kind and the id of an upload (POST /api/materials); whose it is the pre-checks see. */
    private static List<MaterialRef> materials(List<MaterialRef> refs, String at, List<FieldProblem> errors) {
        if (refs == null) {
            return List.of();
        }
        if (refs.size() > MAX_MATERIALS) {
            errors.add(new FieldProblem(at + ".materials", "TOO_MANY", "at most " + MAX_MATERIALS + " materials"));
            return List.of();
        }
        for (int i = 0; i < refs.size(); i++) {
            MaterialRef ref = refs.get(i);
            String field = at + ".materials[" + i + "]";
            if (ref == null || ref.kind() == null) {
                errors.add(new FieldProblem(field + ".kind", "REQUIRED", "the material's kind"));
            }
            if (ref == null || ref.id() == null || !MATERIAL_ID.matcher(ref.id()).matches()) {
                errors.add(new FieldProblem(field + ".id", ref == null || ref.id() == null ? "REQUIRED" : "INVALID_FORMAT",
                        "the id POST /api/materials answered"));
            }
        }
        return refs;
    }

    /** Missing is a pre-check's SERVICE_NUMBER_MISSING (API.md); what is given must at least look like a number. */
    private static String serviceNumber(String number, String at, List<FieldProblem> errors) {
        if (number == null || number.isBlank()) {
            return null;
        }
        if (!SERVICE_NUMBER.matcher(number.strip()).matches()) {
            errors.add(new FieldProblem(at + ".serviceNumber", "INVALID_FORMAT", "a service number from POST /api/service-numbers"));
            return number;
        }
        return number.strip();
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
