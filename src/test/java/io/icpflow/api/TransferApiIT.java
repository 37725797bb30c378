package io.icpflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.icpflow.TestData;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfer-in over HTTP: full and partial transfers to ACTIVE with the ICP numbers kept. */
@ApiTest
class TransferApiIT {

    private static final String SUBJECT = "迁入科技有限公司";

    @Autowired ApiDriver api;

    @Test
    void fullTransferTellsAboutTheEmptyShellAndKeepsTheNumber() throws Exception {
        String id = api.apply("bob", TestData.transfer(SUBJECT, "粤ICP备2020000011号", "transfer-all-1.cn"));
        JsonNode filing = api.filing("bob", id);
        assertThat(filing.get("type").asText()).isEqualTo("TRANSFER");
        assertThat(filing.get("status").asText()).isEqualTo("PROVIDER_REVIEW");
        assertThat(filing.get("notices").get(0).get("code").asText()).isEqualTo("EMPTY_SHELL_AFTER_TRANSFER");
        assertThat(filing.get("notices").get(0).get("message").asText()).contains("7");

        JsonNode active = api.driveToActive("bob", id, "粤ICP备2020000011号");
        assertThat(active.get("icpNumber").asText()).isEqualTo("粤ICP备2020000011号");
        assertThat(active.get("websites").get(0).get("icpNumber").asText()).isEqualTo("粤ICP备2020000011号-1");
        List<MimeMessage> mails = api.awaitMails(id, 7);
        assertThat(mails).hasSize(7);
        assertThat(mails).filteredOn(m -> MailText.of(m).contains("空壳")).hasSize(6);
    }

    @Test
    void partialTransferKeepsBothFilings() {
        String id = api.apply("bob", TestData.transfer(SUBJECT, "苏ICP备2020000021号", "transfer-part-1a.cn"));
        assertThat(api.filing("bob", id).get("notices").get(0).get("code").asText()).isEqualTo("PARTIAL_TRANSFER");
        JsonNode active = api.driveToActive("bob", id, "苏ICP备2020000021号");
        assertThat(active.get("websites").get(0).get("icpNumber").asText()).isEqualTo("苏ICP备2020000021号-1");
    }

    @Test
    void transferNeedsAnIcpNumberAndAFilingAtMiit() {
        Http.Response missing = api.http().post("bob", "/api/filings", api.json("bob", TestData.transfer(SUBJECT, null, "transfer-all-2.cn")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("icpNumber");
        String id = api.apply("bob", TestData.transfer(SUBJECT, "粤ICP备2099999990号", "transfer-all-2.cn"));
        JsonNode returned = api.filing("bob", id);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("reasons").get(0).get("code").asText()).isEqualTo("TRANSFER_NOT_FOUND");
    }
}
