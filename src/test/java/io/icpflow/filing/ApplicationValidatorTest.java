package io.icpflow.filing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication.Contact;
import io.icpflow.filing.FilingApplication.Content;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.reference.DomainNames;
import io.icpflow.reference.PreApprovalCategory;
import io.icpflow.reference.Provinces;
import io.icpflow.reference.Regions;
import io.icpflow.web.ApiException;
import io.icpflow.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The shape rules of an application, each at its field path, all reported at once; real reference data. */
class ApplicationValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApplicationValidator validator = new ApplicationValidator(new Provinces(JSON), new Regions(JSON), new DomainNames());

    @Test
    void aValidApplicationComesBackWithDomainsNormalised() {
        FilingApplication app = TestData.withWebsites(TestData.enterprise(), List.of(
                new Website("示例官网", List.of("Example.CN", "例子.中国"), "cn-hangzhou", Content.COMPANY, null)));
        FilingApplication valid = validator.validate(new FilingApplication(app.type(), null, app.subject(), app.websites(), null, null));
        assertThat(valid.websites().get(0).domains()).containsExactly("example.cn", "xn--fsqu00a.xn--fiqs8s");
        assertThat(valid.websites().get(0).domainCertificate()).isFalse();
        assertThat(valid.locale()).isEqualTo("zh-CN");
    }

    @Test
    void everyProblemIsReportedAtOnceAtItsField() {
        Subject subject = new Subject(null, " ", null, "XX", new Contact(null, "a@x.com,b", "12345"));
        FilingApplication app = new FilingApplication(FilingType.NEW_FILING, "fr", subject,
                List.of(new Website("", List.of("not a domain", "ok.cn", "OK.cn"), "mars-1", null, true)), null, null);
        assertThat(problems(app)).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                tuple("locale", "UNKNOWN_VALUE"),
                tuple("subject.kind", "REQUIRED"),
                tuple("subject.name", "REQUIRED"),
                tuple("subject.idNumber", "REQUIRED"),
                tuple("subject.province", "UNKNOWN_VALUE"),
                tuple("subject.contact.name", "REQUIRED"),
                tuple("subject.contact.email", "INVALID_FORMAT"),
                tuple("subject.contact.mobile", "INVALID_FORMAT"),
                tuple("websites[0].name", "REQUIRED"),
                tuple("websites[0].serverRegion", "UNKNOWN_VALUE"),
                tuple("websites[0].content", "REQUIRED"),
                tuple("websites[0].domains[0]", "INVALID_DOMAIN"),
                tuple("websites[0].domains[2]", "DUPLICATE"));
    }

    @Test
    void idNumbersAreCheckedByTheirStandardsCheckCharacter() {
        String uscc = TestData.uscc();
        String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        assertThat(problems(withSubject(SubjectKind.ENTERPRISE, wrongCheck)))
                .extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("subject.idNumber", "INVALID_CHECK_CHARACTER"));
        assertThat(problems(withSubject(SubjectKind.ENTERPRISE, "91330100")))
                .extracting(FieldProblem::code).containsExactly("INVALID_FORMAT");
        String id = TestData.residentId();
        String wrongDigit = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertThat(problems(withSubject(SubjectKind.INDIVIDUAL, wrongDigit)))
                .extracting(FieldProblem::code).containsExactly("INVALID_CHECK_DIGIT");
        // an enterprise's code is no resident ID
        assertThat(problems(withSubject(SubjectKind.INDIVIDUAL, uscc))).extracting(FieldProblem::code).containsExactly("INVALID_FORMAT");
    }

    @ParameterizedTest
    @CsvSource({
            "TRANSFER, , icpNumber, REQUIRED",
            "TRANSFER, 浙ICP备2026012345, icpNumber, INVALID_FORMAT",
            "TRANSFER, 浙ICP备2026012345号-0, icpNumber, INVALID_FORMAT",
            "CANCEL_WEBSITE, 浙ICP备2026012345号-1, reason, REQUIRED"})
    void transfersAndCancellationsNeedTheirNumberAndCancellationsAReason(FilingType type, String number, String field, String code) {
        FilingApplication base = TestData.enterprise();
        FilingApplication app = new FilingApplication(type, "zh-CN", base.subject(), base.websites(), number, null);
        assertThat(problems(app)).extracting(FieldProblem::field, FieldProblem::code).contains(tuple(field, code));
    }

    @Test
    void aCancellationMayNameNoWebsitesEveryOtherTypeMust() {
        Subject subject = TestData.enterprise().subject();
        FilingApplication cancellation = new FilingApplication(FilingType.CANCEL_SUBJECT, "zh-CN", subject, null,
                "浙ICP备2026012345号", "不再运营");
        assertThat(validator.validate(cancellation).websites()).isEmpty();
        FilingApplication website = new FilingApplication(FilingType.NEW_WEBSITE, "zh-CN", subject, List.of(), null, null);
        assertThat(problems(website)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("websites", "REQUIRED"));
    }

    @Test
    void namesWithControlOrBidiCharactersAreRefused() {
        for (String name : List.of("示例\u202E公司", "a\u0000b", "zero\u200Bwidth", "line\u2028break")) {
            FilingApplication app = TestData.enterpriseNamed(name);
            assertThat(problems(app)).as(name).extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(tuple("subject.name", "INVALID_CHARACTERS"));
        }
        assertThat(problems(TestData.enterpriseNamed("名".repeat(101)))).extracting(FieldProblem::code).containsExactly("TOO_LONG");
    }

    @Test
    void limitsOnWebsitesAndDomains() {
        Website one = TestData.enterprise().websites().get(0);
        FilingApplication tooManyWebsites = TestData.withWebsites(TestData.enterprise(), Collections.nCopies(21, one));
        assertThat(problems(tooManyWebsites)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("websites", "TOO_MANY"));
        List<String> domains = IntStream.range(0, 21).mapToObj(i -> "d" + i + ".cn").toList();
        FilingApplication tooManyDomains = TestData.withWebsites(TestData.enterprise(),
                List.of(new Website("示例官网", domains, "cn-hangzhou", Content.COMPANY, true)));
        assertThat(problems(tooManyDomains)).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("websites[0].domains", "TOO_MANY"));
    }

    @Test
    void preApprovalCategoriesAreKeptOnceAndAnEmptyOneIsNamed() {
        Website one = TestData.enterprise().websites().get(0);
        Website twice = new Website(one.name(), one.domains(), one.serverRegion(), one.content(), true,
                java.util.Arrays.asList(PreApprovalCategory.FINANCE, PreApprovalCategory.FINANCE));
        assertThat(validator.validate(TestData.withWebsites(TestData.enterprise(), List.of(twice))).websites().get(0).preApprovalCategories())
                .containsExactly(PreApprovalCategory.FINANCE);
        Website empty = new Website(one.name(), one.domains(), one.serverRegion(), one.content(), true, java.util.Arrays.asList(
                (PreApprovalCategory) null));
        assertThat(problems(TestData.withWebsites(TestData.enterprise(), List.of(empty)))).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("websites[0].preApprovalCategories[0]", "REQUIRED"));
    }

    @Test
    void noBodyIsOneProblem() {
        assertThat(problems(null)).extracting(FieldProblem::field, FieldProblem::code).containsExactly(tuple("", "REQUIRED"));
    }

    private static FilingApplication withSubject(SubjectKind kind, String idNumber) {
        FilingApplication app = TestData.enterprise();
        return TestData.withSubject(app, new Subject(kind, "张三", idNumber, "ZJ", TestData.contact()));
    }

    private List<FieldProblem> problems(FilingApplication app) {
        List<FieldProblem>[] found = new List[1];
        assertThatThrownBy(() -> validator.validate(app)).isInstanceOfSatisfying(ApiException.class, e -> found[0] = e.errors());
        return found[0];
    }
}
