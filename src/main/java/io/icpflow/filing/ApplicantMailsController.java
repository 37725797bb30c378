package io.icpflow.filing;

import io.icpflow.calendar.EngineClock;
import io.icpflow.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

/** The mails we sent (or are sending) about the caller's filings: what the console's mailbox shows. */
@RestController
@Tag(name = "Filings")
class ApplicantMailsController {

    /** {@code status}: QUEUED, SENT or FAILED (delivery is retried; operations see a failure). */
    record Mail(String id, String filingId, String to, String subject, String text, String html, String status,
                OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private final JdbcClient jdbc;

    ApplicantMailsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/mails", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The mails about the caller's filings, newest first, a page at a time (X-Total-Count, Link)")
    @Transactional(readOnly = true)
    ResponseEntity<List<Mail>> mails(Principal user, @RequestParam(name = "page", required = false) Integer page,
                                     @RequestParam(name = "size", required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Mail> mails = jdbc.sql("""
                        select m.id, m.filing_id, m.recipient, m.subject, m.body_text, m.body_html, m.status, m.created_at, m.sent_at
                        from mail_outbox m join filing f on f.id = m.filing_id where f.owner = ?
                        order by m.created_at desc, m.id offset ? rows fetch next ? rows only""")
                .params(user.getName(), paging.offset(), paging.size())
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), EngineClock.inChina(rs.getObject(8, OffsetDateTime.class)),
                        rs.getObject(9, OffsetDateTime.class) == null ? null : EngineClock.inChina(rs.getObject(9, OffsetDateTime.class))))
                .list();
        long total = jdbc.sql("select count(*) from mail_outbox m join filing f on f.id = m.filing_id where f.owner = ?")
                .param(user.getName()).query(Long.class).single();
        return paging.response("/api/mails", mails, total);
    }
}
