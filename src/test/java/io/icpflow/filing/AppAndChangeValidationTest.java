package io.icpflow.filing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.App;
import io.icpflow.filing.FilingApplication.AppPlatform;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Platform;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.Provinces;
import io.icpflow.reference.Regions;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The shape of apps' feature data and of the change types, each problem at its field (API.md "Apps", "Changes of a filing"). */
class AppAndChangeValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApplicationValidator validator = new ApplicationValidator(new Provinces(JSON), new Regions(JSON), new DomainNames());

    @Test
    void anAppOnlyApplicationIsValidAndItsFingerprintsAreNormalised() {
        String md5 = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        App app = new App("示例App", Content.COMPANY, "cn-hangzhou",
                List.of(new AppPlatform(Platform.ANDROID, "com.example.app", null, TestData.PUBLIC_KEY, md5, null)), null);
        FilingApplication valid = validator.validate(new FilingApplication(FilingType.NEW_FILING, "zh-CN", TestData.enterprise().subject(),
                null, List.of(app), null, null));
        assertThat(valid.websites()).isEmpty();
        assertThat(valid.apps().get(0).platforms().get(0).md5()).isEqualTo("abcdef0123456789abcdef0123456789");
        assertThat(valid.apps().get(0).preApprovalCategories()).isEmpty();
    }

    @Test
    void aPublicKeyInHexAndACertificateDecodeToo() throws Exception {
        String hex = HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(TestData.PUBLIC_KEY));
        assertThat(AppFeatures.decodedKey(hex)).contains("EC");
        assertThat(AppFeatures.decodedKey(TestData.PUBLIC_KEY)).contains("EC");
        assertThat(AppFeatures.decodedKey("bm90IGEga2V5")).isEmpty();
        assertThat(AppFeatures.decodedKey("zz")).isEmpty();
    }

    @Test
    void neitherWebsitesNorAppsIsOneProblem() {
        FilingApplication none = new FilingApplication(FilingType.NEW_FILING, "zh-CN", TestData.enterprise().subject(), List.of(), List.of(),
                null, null);
        assertThat(problems(none)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("websites", "REQUIRED"));
    }

    @ParameterizedTest
    @CsvSource({
            "ANDROID, com, , md5, packageName, INVALID_FORMAT",
            "ANDROID, 1com.example, , md5, packageName, INVALID_FORMAT",
            "ANDROID, com.example.app, , short, md5, INVALID_FORMAT",
            "ANDROID, com.example.app, , , md5, REQUIRED",
            "HARMONYOS, com.example.app, , xyz, md5, INVALID_FORMAT",
            "IOS, , com.example, sha1, sha1, INVALID_FORMAT",
            "IOS, , com_example, sha1ok, bundleId, INVALID_FORMAT",
            "IOS, , , sha1ok, bundleId, REQUIRED"})
    void malformedFeatureDataIsNamedAtItsField(Platform platform, String packageName, String bundleId, String digest, String field, String code) {
        String md5 = "md5".equals(digest) ? TestData.hex(32) : digest;
        String sha1 = "sha1ok".equals(digest) ? TestData.hex(40) : digest;
        AppPlatform p = new AppPlatform(platform, packageName, bundleId, TestData.PUBLIC_KEY, md5, sha1);
        assertThat(problems(withApp(p))).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("apps[0].platforms[0]." + field, code));
    }

    @Test
    void aPublicKeyThatDoesNotDecodeIsNamed() {
        AppPlatform p = new AppPlatform(Platform.ANDROID, "com.example.app", null, "bm90IGEga2V5", TestData.hex(32), null);
        assertThat(problems(withApp(p))).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("apps[0].platforms[0].publicKey", "INVALID_PUBLIC_KEY"));
    }

    @Test
    void aPlatformTwiceAndOnePackageNameForTwoAppsAreDuplicates() {
        AppPlatform android = new AppPlatform(Platform.ANDROID, "com.example.app", null, TestData.PUBLIC_KEY, TestData.hex(32), null);
        App twice = new App("示例App", Content.COMPANY, "cn-hangzhou", List.of(android, android), List.of());
        App other = new App("另一个App", Content.COMPANY, "cn-hangzhou", List.of(android), List.of());
        FilingApplication app = TestData.withApps(TestData.enterprise(), List.of(twice, other));
        assertThat(problems(app)).extracting(FieldProblem::field, FieldProblem::code).contains(
                tuple("apps[0].platforms[1].platform", "DUPLICATE"),
                tuple("apps[1].platforms[0].packageName", "DUPLICATE"));
        App noPlatforms = new App("示例App", Content.COMPANY, "mars-1", List.of(), List.of());
        assertThat(problems(TestData.withApps(TestData.enterprise(), List.of(noPlatforms)))).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(tuple("apps[0].platforms", "REQUIRED"), tuple("apps[0].serverRegion", "UNKNOWN_VALUE"));
    }

    @Test
    void aWebsiteChangeNamesExactlyOneWebsiteAndKeepsADomain() {
        Website one = TestData.enterprise().websites().get(0);
        FilingApplication two = TestData.change(FilingType.CHANGE_WEBSITE, TestData.enterprise().subject(), "浙ICP备2026012345号-1",
                List.of(one, one), List.of());
        assertThat(problems(two)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("websites", "EXACTLY_ONE"));
        Website noDomain = new Website(one.name(), List.of(), one.serverRegion(), one.content(), true);
        FilingApplication empty = TestData.change(FilingType.CHANGE_WEBSITE, TestData.enterprise().subject(), "浙ICP备2026012345号-1",
                List.of(noDomain), List.of());
        assertThat(problems(empty)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("websites[0].domains");
            assertThat(p.message()).contains("CANCEL_WEBSITE");
        });
        FilingApplication noApp = TestData.change(FilingType.CHANGE_APP, TestData.enterprise().subject(), "浙ICP备2026012345号-2A",
                List.of(), List.of());
        assertThat(problems(noApp)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("apps", "REQUIRED"));
    }

    @Test
    void aSubjectChangeReadsTheSubjectOnly() {
        FilingApplication full = TestData.enterprise();
        FilingApplication change = TestData.change(FilingType.CHANGE_SUBJECT, full.subject(), "浙ICP备2026012345号", full.websites(), List.of());
        assertThat(validator.validate(change).websites()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "CANCEL_WEBSITE, 浙ICP备2026012345号-3X, FILED_BY_PLATFORM",
            "CHANGE_APP, 浙ICP备2026012345号-4K, FILED_BY_PLATFORM",
            "CANCEL_WEBSITE, 浙ICP备2026012345号-2A, NOT_A_WEBSITE_NUMBER",
            "CHANGE_WEBSITE, 浙ICP备2026012345号-2A, NOT_A_WEBSITE_NUMBER",
            "CANCEL_APP, 浙ICP备2026012345号-1, NOT_AN_APP_NUMBER",
            "CHANGE_SUBJECT, 浙ICP备2026012345, INVALID_FORMAT"})
    void aNumberOfTheWrongKindIsAnsweredClearly(FilingType type, String number, String code) {
        FilingApplication base = TestData.enterprise();
        FilingApplication app = new FilingApplication(type, "zh-CN", base.subject(), base.websites(),
                List.of(TestData.app("示例App", "com.example.app")), number, "不再运营");
        assertThat(problems(app)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("icpNumber", code));
    }

    private static FilingApplication withApp(AppPlatform platform) {
        return TestData.withApps(TestData.enterprise(), List.of(new App("示例App", Content.COMPANY, "cn-hangzhou", List.of(platform), List.of())));
    }

    private List<FieldProblem> problems(FilingApplication app) {
        List<FieldProblem>[] found = new List[1];
        assertThatThrownBy(() -> validator.validate(app)).isInstanceOfSatisfying(ApiException.class, e -> found[0] = e.errors());
        return found[0];
    }
}
