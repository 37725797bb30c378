package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import io.icpflow.filing.FilingApplication;
import io.icpflow.filing.FilingApplication.MaterialRef;
import io.icpflow.filing.FilingApplication.Subject;
import io.icpflow.filing.FilingApplication.SubjectKind;
import io.icpflow.filing.FilingApplication.Website;
import io.icpflow.materials.MaterialKind;
import io.icpflow.reference.PreApprovalCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Materials (API.md "Materials") over HTTP: the upload and what it is read as, who may read it, the hostile uploads, the checklist and MATERIAL_MISSING. */
@ApiTest
class MaterialsApiIT {

    @Autowired ApiDriver api;
    @Autowired JdbcClient jdbc;

    @Test
    void anUploadIsReadFromItsBytesHashedAndStored() throws Exception {
        // named .pdf and declared as a PDF: the bytes say PNG
        Http.Response uploaded = api.http().upload("alice", "BUSINESS_LICENSE", null, "licence.pdf", TestData.PNG, "application/pdf");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode material = uploaded.json();
        assertThat(material.get("kind").asText()).isEqualTo("BUSINESS_LICENSE");
        assertThat(material.get("contentType").asText()).isEqualTo("image/png");
        assertThat(material.get("size").asLong()).isEqualTo(TestData.PNG.length);
        assertThat(material.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TestData.PNG)));
        assertThat(OffsetDateTime.parse(material.get("expiresAt").asText())).isAfter(OffsetDateTime.now().plusDays(6));
        String id = material.get("id").asText();

        Http.Response bytes = api.http().get("alice", "/api/materials/" + id);
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.header("Content-Type")).isEqualTo("image/png");
        assertThat(bytes.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // another applicant, and staff while no filing uses it: 404, no existence leak
        assertThat(api.http().get("bob", "/api/materials/" + id).status()).isEqualTo(404);
        assertThat(api.http().get("reviewer", "/api/materials/" + id).status()).isEqualTo(404);
        assertThat(api.http().get("analyst", "/api/materials/" + id).status()).isEqualTo(403);

        String video = api.http().upload("alice", "COMMITMENT_VIDEO", null, "v.mp4", TestData.MP4, "video/mp4").json().get("contentType").asText();
        assertThat(video).isEqualTo("video/mp4");
        Http.Response licence = api.http().upload("alice", "PRE_APPROVAL", "FINANCE", "licence.png", TestData.PNG, "image/png");
        assertThat(licence.json().get("category").asText()).isEqualTo("FINANCE");
    }

    @Test
    void hostileUploadsAreRefusedWithProblemJsonAndStoreNothing() throws IOException {
        long before = materials();
        byte[] elf = HexFormat.of().parseHex("7f454c4602010100000000000000000002003e00010000000000000000000000");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "photo.png", elf, "image/png"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "photo.png", new byte[0], "image/png"), 400, "EMPTY_FILE");
        byte[] bigPdf = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, bigPdf, 0, 9);
        assertRefused(api.http().upload("alice", "BUSINESS_LICENSE", null, "licence.pdf", bigPdf, "application/pdf"), 413, "FILE_TOO_LARGE");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "bomb.png", zipBomb(), "image/png"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "huge.png", pixelBomb(), "image/png"), 413, "IMAGE_TOO_LARGE");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "../../etc/passwd.png", TestData.PNG, "image/png"), 400,
                "INVALID_FILE_NAME");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, "C:\\\\photos\\\\id.png", TestData.PNG, "image/png"), 400,
                "INVALID_FILE_NAME");
        assertRefused(api.http().upload("alice", "APP_ICON", null, "icon.png", pad(TestData.PNG, 100 * 1024 + 1), "image/png"), 413,
                "FILE_TOO_LARGE");
        assertRefused(api.http().upload("alice", "PASSPORT", null, "p.png", TestData.PNG, "image/png"), 400, "UNKNOWN_VALUE");
        assertRefused(api.http().upload("alice", "PRE_APPROVAL", null, "p.png", TestData.PNG, "image/png"), 400, "REQUIRED");
        assertRefused(api.http().upload("alice", "ID_CARD_FRONT", null, null, null, null), 400, "REQUIRED");
        assertThat(materials()).isEqualTo(before);
    }

    @Test
    void theChecklistNamesEachMaterialWithItsRuleAndThePreChecksAskTheSame() {
        // an individual from Zhejiang filing in Shanghai: a residence permit on top of the ID cards
        Subject shanghai = new Subject(SubjectKind.INDIVIDUAL, "张三", TestData.residentId(), "SH", TestData.contact());
        Website finance = new Website("个人理财笔记", List.of(TestData.domain()), "cn-shanghai", FilingApplication.Content.PERSONAL, false,
                List.of(PreApprovalCategory.FINANCE));
        FilingApplication app = TestData.withWebsites(TestData.withSubject(TestData.enterprise(), shanghai), List.of(finance));
        Http.Response checklist = api.http().post("alice", "/api/filing-requirements", Http.json(app));
        assertThat(checklist.status()).as(checklist.body()).isEqualTo(200);
        List<String> needed = new ArrayList<>();
        checklist.json().get("materials").forEach(m -> needed.add(m.get("for").asText() + "." + m.get("kind").asText()
                + (m.get("category").isNull() ? "" : "(" + m.get("category").asText() + ")")));
        assertThat(needed).containsExactlyInAnyOrder("subject.ID_CARD_FRONT", "subject.ID_CARD_BACK", "subject.RESIDENCE_PERMIT",
                "websites[0].ID_CARD_FRONT", "websites[0].ID_CARD_BACK", "websites[0].PRE_APPROVAL(FINANCE)");
        JsonNode permit = find(checklist.json().get("materials"), "RESIDENCE_PERMIT");
        assertThat(permit.get("rule").asText()).isEqualTo("MATERIAL_RESIDENCE_PERMIT");
        assertThat(permit.get("source").asText()).contains("cloud.tencent.com");
        assertThat(checklist.json().get("verification").get("required").asBoolean()).isTrue();
        assertThat(checklist.json().get("verification").get("who")).extracting(JsonNode::asText)
                .containsExactly("SUBJECT_PRINCIPAL", "WEBSITE_PRINCIPAL");

        // filed with a service number but none of the materials: each one missing at its field, with its rule
        FilingApplication numbered = TestData.withServiceNumbers(app, (list, i) -> null, () -> api.serviceNumber("alice"));
        Http.Response created = api.http().post("alice", "/api/filings", Http.json(numbered));
        JsonNode returned = created.json();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        List<String> missing = new ArrayList<>();
        returned.get("reasons").forEach(r -> missing.add(r.get("code").asText() + "@" + r.get("field").asText()));
        assertThat(missing).containsExactlyInAnyOrder("MATERIAL_MISSING@subject.materials.ID_CARD_FRONT",
                "MATERIAL_MISSING@subject.materials.ID_CARD_BACK", "MATERIAL_MISSING@subject.materials.RESIDENCE_PERMIT",
                "MATERIAL_MISSING@websites[0].materials.ID_CARD_FRONT", "MATERIAL_MISSING@websites[0].materials.ID_CARD_BACK",
                "MATERIAL_MISSING@websites[0].materials.PRE_APPROVAL");

        // corrected with the checklist's materials: it goes to review, and the reviewer may read them
        Http.Response resubmitted = api.resubmit("alice", returned.get("id").asText(), numbered);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(api.filing("alice", returned.get("id").asText()).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        String attached = jdbc.sql("select material_id from material_use where filing_id = ? fetch first 1 rows only")
                .param(returned.get("id").asText()).query(String.class).single();
        assertThat(api.http().get("reviewer", "/api/materials/" + attached).status()).isEqualTo(200);
        assertThat(api.http().get("bob", "/api/materials/" + attached).status()).isEqualTo(404);
    }

    @Test
    void anotherApplicantsMaterialOrOneOfAnotherKindIsMissing() {
        String bobs = api.http().upload("bob", "BUSINESS_LICENSE", null, "l.png", TestData.PNG, "image/png").json().get("id").asText();
        FilingApplication app = api.provisioned("alice", TestData.enterprise(), null);
        Subject subject = app.subject();
        List<MaterialRef> refs = new ArrayList<>(subject.materials().stream().filter(r -> r.kind() != MaterialKind.BUSINESS_LICENSE).toList());
        refs.add(new MaterialRef(MaterialKind.BUSINESS_LICENSE, bobs));
        JsonNode returned = api.http().post("alice", "/api/filings", Http.json(app.withSubject(subject.withMaterials(refs)))).json();
        assertThat(returned.get("reasons")).extracting(r -> r.get("code").asText() + "@" + r.get("field").asText())
                .contains("MATERIAL_MISSING@subject.materials.BUSINESS_LICENSE");
        assertThat(returned.get("reasons").get(0).get("message").asText()).contains(bobs);
    }

    @Test
    void aDeletedMaterialStaysWithTheFilingThatUsesIt() {
        FilingApplication app = api.provisioned("alice", TestData.enterprise(), null);
        String id = api.apply("alice", app);
        String licence = app.subject().materials().stream().filter(r -> r.kind() == MaterialKind.BUSINESS_LICENSE).findFirst().orElseThrow().id();
        assertThat(api.http().delete("alice", "/api/materials/" + licence).status()).isEqualTo(204);
        assertThat(api.http().get("alice", "/api/materials").json()).noneMatch(m -> m.get("id").asText().equals(licence));
        assertThat(api.http().get("reviewer", "/api/materials/" + licence).status()).isEqualTo(200);
        assertThat(api.filing("alice", id).get("status").asText()).isEqualTo("PROVIDER_REVIEW");
    }

    private void assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains(code);
    }

    private long materials() {
        return jdbc.sql("select count(*) from material").query(Long.class).single();
    }

    /** Megabytes of zeros, zipped to a few KiB, named and declared as a PNG. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("x.png"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A valid PNG header claiming 100,000 × 100,000 pixels: a few bytes that would decode to 40 GB. */
    private static byte[] pixelBomb() {
        byte[] png = TestData.PNG.clone();
        // IHDR width and height (big-endian) at bytes 16..23; the CRC no longer matches, the header still reads
        byte[] size = HexFormat.of().parseHex("000186a0000186a0");
        System.arraycopy(size, 0, png, 16, 8);
        return png;
    }

    private static byte[] pad(byte[] bytes, int length) {
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    private static JsonNode find(JsonNode materials, String kind) {
        for (JsonNode m : materials) {
            if (m.get("kind").asText().equals(kind)) {
                return m;
            }
        }
        return null;
    }
}
