package io.icpflow;

import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingApplication.Platform;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.filing.FilingType;
import io.icpflow.filing.IdNumbers;
import io.icpflow.filing.MaterialPlaces;

import io.icpflow.materials.MaterialKind;
import io.icpflow.registry.IcpNumber;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Valid, unique applications for tests: each call makes a new subject and a new domain. */
public final class TestData {

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    public static String uscc() {
        StringBuilder code = new StringBuilder("91330100");
        for (int i = 0; i < 9; i++) {
            code.append(USCC_CHARS.charAt(ThreadLocalRandom.current().nextInt(USCC_CHARS.length())));
        }
        return code.append(IdNumbers.usccCheckCharacter(code.toString())).toString();
    }

    public static String residentId() {
        String first17 = "330106" + "19900101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + IdNumbers.residentIdCheckCharacter(first17);
    }

    /** A Zhejiang subject number of {@code year} with sequence {@code n} (one of a million), e.g. 浙ICP备2026000042号. */
    public static String subjectNumber(int year, long n) {
        return IcpNumber.subject("浙", year + String.format("%06d", n % 1_000_000)).toString();
    }

    /** A Zhejiang subject number of 2026 that no other test has (random sequence). */
    public static String newSubjectNumber() {
        return subjectNumber(2026, ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** Website N of a subject number: {@code 浙ICP备2026000042号-N}. */
    public static String websiteNumber(String subjectNumber, int n) {
        return IcpNumber.parse(subjectNumber).orElseThrow().website(n).toString();
    }

    public static String domain() {
        return "site-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + ".cn";
    }

    public static FilingApplication enterprise(String... domains) {
        return enterpriseNamed("杭州示例科技有限公司", domains);
    }

    public static FilingApplication enterpriseNamed(String subjectName, String... domains) {
        return application(FilingType.NEW_FILING, new Subject(SubjectKind.ENTERPRISE, subjectName, uscc(), "ZJ",
                contact()), "cn-hangzhou", Content.COMPANY, domains);
    }

    public static FilingApplication individual(Content content, String... domains) {
        return application(FilingType.NEW_FILING, new Subject(SubjectKind.INDIVIDUAL, "张三", residentId(), "ZJ",
                contact()), "cn-hangzhou", content, domains);
    }

    public static FilingApplication application(FilingType type, Subject subject, String region, Content content,
                                                String... domains) {
        List<String> list = domains.length == 0 ? List.of(domain()) : List.of(domains);
        return new FilingApplication(type, "zh-CN", subject,
                List.of(new Website("示例官网", list, region, content, true)), null, null);
    }

    /** A transfer-in of {@code domains}, filed at MIIT under {@code icpNumber} by {@code subjectName}. */
    public static FilingApplication transfer(String subjectName, String icpNumber, String... domains) {
        Subject subject = new Subject(SubjectKind.ENTERPRISE, subjectName, uscc(), "GD", contact());
        return new FilingApplication(FilingType.TRANSFER, "zh-CN", subject,
                List.of(new Website("迁入网站", List.of(domains), "cn-shenzhen", Content.COMPANY, true)), icpNumber, null);
    }

    /** A cancellation of {@code icpNumber} by {@code subject}, naming the websites' domains it covers (may be none). */
    public static FilingApplication cancellation(FilingType type, Subject subject, String icpNumber, String... domains) {
        List<Website> websites = domains.length == 0 ? List.of()
                : List.of(new Website("注销网站", List.of(domains), "cn-hangzhou", Content.COMPANY, true));
        return new FilingApplication(type, "zh-CN", subject, websites, icpNumber, "网站不再运营");
    }

    /** An EC public key as X.509 SubjectPublicKeyInfo in base64: what the feature data's publicKey decodes to. */
    public static final String PUBLIC_KEY = publicKey();

    private static String publicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A package name no other test has: {@code com.example.t<random>}. */
    public static String packageName() {
        return "com.example.t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }

    /** An Android app served from Hangzhou with valid feature data. */
    public static App app(String name, String packageName) {
        return new App(name, Content.COMPANY, "cn-hangzhou",
                List.of(new AppPlatform(Platform.ANDROID, packageName, null, PUBLIC_KEY, hex(32), null)), List.of());
    }

    /** An app on Android and iOS (same identifier as package name and bundle id). */
    public static App androidAndIosApp(String name, String identifier) {
        return new App(name, Content.COMPANY, "cn-hangzhou",
                List.of(new AppPlatform(Platform.ANDROID, identifier, null, PUBLIC_KEY, hex(32), null),
                        new AppPlatform(Platform.IOS, null, identifier, PUBLIC_KEY, null, hex(40))), List.of());
    }

    public static FilingApplication withApps(FilingApplication app, List<App> apps) {
        return new FilingApplication(app.type(), app.locale(), app.subject(), app.websites(), apps, app.icpNumber(), app.reason());
    }

    /** A change ({@code CHANGE_SUBJECT}, {@code CHANGE_WEBSITE}, {@code CHANGE_APP}) of {@code icpNumber} to what it shall be. */
    public static FilingApplication change(FilingType type, Subject subject, String icpNumber, List<Website> websites, List<App> apps) {
        return new FilingApplication(type, "zh-CN", subject, websites, apps, icpNumber, null);
    }

    /** Where an application's service number goes: "websites" or "apps", and the index. */
    public interface Earlier {
        String at(String list, int index);
    }

    /**
     * The application with a service number for each website and app that has none: the one {@code earlier}
     * names for that place (the filing's, on a resubmission), else a {@code fresh} one. Types that name
     * no service numbers come back as they are.
     */
    public static FilingApplication withServiceNumbers(FilingApplication app, Earlier earlier, Supplier<String> fresh) {
        if (app == null || app.type() == null || !(app.type().isApplication() || app.type() == FilingType.TRANSFER)) {
            return app;
        }
        List<Website> websites = new ArrayList<>();
        for (int i = 0; app.websites() != null && i < app.websites().size(); i++) {
            Website w = app.websites().get(i);
            String before = earlier.at("websites", i);
            websites.add(w.serviceNumber() != null ? w : w.withServiceNumber(before != null ? before : fresh.get()));
        }
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < app.apps().size(); i++) {
            App a = app.apps().get(i);
            String before = earlier.at("apps", i);
            apps.add(a.serviceNumber() != null ? a : a.withServiceNumber(before != null ? before : fresh.get()));
        }
        return app.withWebsites(websites).withApps(apps);
    }

    /** A material the checklist asks for: where ("subject", "websites[0]", "apps[0]"), which kind, and a PRE_APPROVAL's category. */
    public record Needed(String place, MaterialKind kind, String category) {
    }

    /** The application with a material of each needed kind attached at its place, unless one of that kind is there; ids from {@code upload}. */
    public static FilingApplication withMaterials(FilingApplication app, List<Needed> needed, BiFunction<MaterialKind, String, String> upload) {
        FilingApplication result = app;
        Map<String, List<MaterialRef>> there = MaterialPlaces.of(app);
        for (Needed n : needed) {
            boolean attached = there.getOrDefault(n.place(), List.of()).stream().anyMatch(r -> r.kind() == n.kind());
            if (attached && n.category() == null) {
                continue;
            }
            String id = upload.apply(n.kind(), n.category());
            MaterialRef ref = new MaterialRef(n.kind(), id);
            if (n.place().equals("subject")) {
                result = result.withSubject(result.subject().withMaterials(plus(result.subject().materials(), ref)));
            } else {
                int index = Integer.parseInt(n.place().replaceAll("\\D", ""));
                if (n.place().startsWith("websites")) {
                    List<Website> websites = new ArrayList<>(result.websites());
                    websites.set(index, websites.get(index).withMaterials(plus(websites.get(index).materials(), ref)));
                    result = result.withWebsites(websites);
                } else {
                    List<App> apps = new ArrayList<>(result.apps());
                    apps.set(index, apps.get(index).withMaterials(plus(apps.get(index).materials(), ref)));
                    result = result.withApps(apps);
                }
            }
        }
        return result;
    }

    private static List<MaterialRef> plus(List<MaterialRef> refs, MaterialRef ref) {
        List<MaterialRef> all = new ArrayList<>(refs == null ? List.of() : refs);
        all.add(ref);
        return all;
    }

    /** A 1×1 PNG: what every image and document kind accepts. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** The start of an MP4 file (an ftyp box of brand isom): what the commitment video is read as. */
    public static final byte[] MP4 = HexFormat.of().parseHex("000000206674797069736f6d0000020069736f6d69736f32617663316d703431"
            + "00000008667265650000000c6d64617400000000");

    public static byte[] sample(MaterialKind kind) {
        return kind == MaterialKind.COMMITMENT_VIDEO ? MP4 : PNG;
    }

    public static Contact contact() {
        return new Contact("张三", "zhang@example.com", "13800138000");
    }

    /** The same application with other websites (for a resubmission). */
    public static FilingApplication withWebsites(FilingApplication app, List<Website> websites) {
        return new FilingApplication(app.type(), app.locale(), app.subject(), websites, app.icpNumber(), app.reason());
    }

    public static FilingApplication withSubject(FilingApplication app, Subject subject) {
        return new FilingApplication(app.type(), app.locale(), subject, app.websites(), app.icpNumber(), app.reason());
    }

    public static FilingApplication withRegion(FilingApplication app, String region) {
        Website w = app.websites().get(0);
        return withWebsites(app, List.of(new Website(w.name(), w.domains(), region, w.content(), w.domainCertificate())));
    }
}
