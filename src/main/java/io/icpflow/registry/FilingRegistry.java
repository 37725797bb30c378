package io.icpflow.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The subjects, websites and domains filed through us (tables {@code icp_subject}, {@code icp_website},
 * {@code icp_domain}): what MIIT approved, whether the approval has synced back, and whether the
 * domain may be connected to our products.
 */
@Repository
public class FilingRegistry {

    public record RegisteredSubject(String idNumber, String owner, String kind, String name, String province,
                                    String icpNumber, RegistryStatus status) {

        public boolean isActive() {
            return status == RegistryStatus.ACTIVE;
        }
    }

    public record RegisteredDomain(String domain, String websiteIcpNumber, String filingId, String subjectIdNumber,
                                   String owner, boolean synced, boolean accessEnabled, RegistryStatus websiteStatus) {
    }

    /**
     * A website to record. {@code icpNumber} null: the next number of the subject; else the number it
     * keeps (a transfer keeps MIIT's numbers).
     */
    public record NewWebsite(int websiteIndex, String name, String serverRegion, List<String> domains, String icpNumber) {

        public NewWebsite(int websiteIndex, String name, String serverRegion, List<String> domains) {
            this(websiteIndex, name, serverRegion, domains, null);
        }
    }

    private final JdbcClient jdbc;

    public FilingRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegisteredSubject> findSubject(String idNumber) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status from icp_subject where id_number = ?")
                .param(idNumber)
                .query(RegisteredSubject.class)
                .optional();
    }

    public record RegisteredWebsite(String icpNumber, String subjectIdNumber, String owner, String filingId,
                                    String name, String serverRegion, RegistryStatus status, List<String> domains) {

        public boolean isActive() {
            return status == RegistryStatus.ACTIVE;
        }
    }

    /** The subjects this account filed through us, whatever their status, by number. */
    public List<RegisteredSubject> subjectsOf(String owner) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status from icp_subject where owner = ? order by icp_number")
                .param(owner)
                .query(RegisteredSubject.class)
                .list();
    }

    /** Every website of the subject as it stands here (active or not), in the subject's sequence. */
    public List<RegisteredWebsite> websitesOf(String subjectIdNumber) {
        return websites("w.subject_id_number = ?", subjectIdNumber);
    }

    public Optional<RegisteredSubject> findSubjectByNumber(String subjectNumber) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status from icp_subject where icp_number = ?")
                .param(subjectNumber)
                .query(RegisteredSubject.class)
                .optional();
    }

    public Optional<RegisteredWebsite> findWebsite(String websiteNumber) {
        return websites("w.icp_number = ?", websiteNumber).stream().findFirst();
    }

    /** The subject's websites that are still filed (and accessed) through us. */
    public List<RegisteredWebsite> activeWebsitesOf(String subjectIdNumber) {
        return websites("w.subject_id_number = ?", subjectIdNumber).stream().filter(RegisteredWebsite::isActive).toList();
    }

    /** Active websites under a number: the website itself, or every website of a subject number. */
    public List<RegisteredWebsite> activeWebsitesUnder(String icpNumber) {
        if (IcpNumber.sequenceOf(icpNumber) > 0) {
            return findWebsite(icpNumber).filter(RegisteredWebsite::isActive).stream().toList();
        }
        return findSubjectByNumber(icpNumber).filter(RegisteredSubject::isActive)
                .map(s -> activeWebsitesOf(s.idNumber())).orElse(List.of());
    }

    private List<RegisteredWebsite> websites(String where, String param) {
        List<RegisteredWebsite> found = jdbc.sql("""
                        select w.icp_number, w.subject_id_number, s.owner, w.filing_id, w.name, w.server_region, w.status
                        from icp_website w join icp_subject s on s.id_number = w.subject_id_number
                        where """ + " " + where + " order by w.seq")
                .param(param)
                .query((rs, n) -> new RegisteredWebsite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), RegistryStatus.valueOf(rs.getString(7)), List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        // the domains of all of them in one query, not one per website
        Map<String, List<String>> domains = jdbc.sql("""
                        select website_icp_number, domain from icp_domain
                        where website_icp_number in (:numbers) order by domain""")
                .param("numbers", found.stream().map(RegisteredWebsite::icpNumber).toList())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return found.stream()
                .map(w -> new RegisteredWebsite(w.icpNumber(), w.subjectIdNumber(), w.owner(), w.filingId(), w.name(), w.serverRegion(), w.status(),
                        domains.getOrDefault(w.icpNumber(), List.of())))
                .toList();
    }

    /**
     * A cancellation approved by the CA: the websites' numbers are released and their domains are no
     * longer connectable here (and may be filed again); a cancelled subject is released with them.
     * {@code websiteStatus} says why: CANCELLED (at MIIT) or ACCESS_CANCELLED (filed, but not with us).
     */
    public void cancel(String subjectIdNumber, List<String> websiteNumbers, RegistryStatus websiteStatus, boolean subjectToo) {
        for (String websiteNumber : websiteNumbers) {
            jdbc.sql("delete from icp_domain where website_icp_number = ?").param(websiteNumber).update();
            jdbc.sql("update icp_website set status = ?, synced = false where icp_number = ?").params(websiteStatus.name(), websiteNumber).update();
        }
        if (subjectToo) {
            jdbc.sql("update icp_subject set status = ? where id_number = ?").params(RegistryStatus.CANCELLED.name(), subjectIdNumber).update();
        }
    }

    public Optional<RegisteredDomain> findDomain(String domain) {
        return jdbc.sql("""
                        select d.domain, d.website_icp_number, w.filing_id, w.subject_id_number, s.owner,
                               w.synced, d.access_enabled, w.status as website_status
                        from icp_domain d
                        join icp_website w on w.icp_number = d.website_icp_number
                        join icp_subject s on s.id_number = w.subject_id_number
                        where d.domain = ?""")
                .param(domain)
                .query(RegisteredDomain.class)
                .optional();
    }

    /** Website index in the application → its ICP number (e.g. {@code 浙ICP备2026012345号-2}). */
    public Map<Integer, String> websiteNumbers(String filingId) {
        return jdbc.sql("select website_index, icp_number from icp_website where filing_id = ?")
                .param(filingId)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Records MIIT's approval: the subject with its number (created on a first filing, kept on a new
     * website) and one website number {@code <subject number>-N} per website, N continuing the subject's
     * sequence. Domains are not yet connectable: that waits for the sync (004).
     */
    public void recordApproval(RegisteredSubject subject, String filingId, List<NewWebsite> websites) {
        Optional<RegisteredSubject> known = findSubject(subject.idNumber());
        if (known.isPresent() && !known.get().isActive()) {
            // filed again after a cancellation: MIIT gave the subject a new number
            jdbc.sql("update icp_subject set icp_number = ?, status = ?, owner = ?, name = ? where id_number = ?")
                    .params(subject.icpNumber(), RegistryStatus.ACTIVE.name(), subject.owner(), subject.name(), subject.idNumber())
                    .update();
        } else if (known.isEmpty()) {
            jdbc.sql("insert into icp_subject (id_number, owner, kind, name, province, icp_number, status) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(subject.idNumber(), subject.owner(), subject.kind(), subject.name(), subject.province(), subject.icpNumber(),
                            RegistryStatus.ACTIVE.name())
                    .update();
        }
        int seq = jdbc.sql("select coalesce(max(seq), 0) from icp_website where subject_id_number = ?")
                .param(subject.idNumber()).query(Integer.class).single();
        for (NewWebsite website : websites) {
            String websiteNumber;
            int websiteSeq;
            if (website.icpNumber() != null) {
                websiteNumber = website.icpNumber();
                websiteSeq = IcpNumber.sequenceOf(websiteNumber);
                seq = Math.max(seq, websiteSeq);
            } else {
                websiteSeq = ++seq;
                websiteNumber = IcpNumber.parse(subject.icpNumber()).orElseThrow().website(websiteSeq).toString();
            }
            jdbc.sql("""
                            insert into icp_website (icp_number, subject_id_number, filing_id, website_index, seq, name, server_region, status, synced)
                            values (?, ?, ?, ?, ?, ?, ?, ?, false)""")
                    .params(websiteNumber, subject.idNumber(), filingId, website.websiteIndex(), websiteSeq, website.name(), website.serverRegion(),
                            RegistryStatus.ACTIVE.name())
                    .update();
            for (String domain : website.domains()) {
                jdbc.sql("insert into icp_domain (domain, website_icp_number, access_enabled) values (?, ?, false)")
                        .params(domain, websiteNumber)
                        .update();
            }
        }
    }

    public void moveWebsite(String filingId, int websiteIndex, String serverRegion) {
        jdbc.sql("update icp_website set server_region = ? where filing_id = ? and website_index = ?")
                .params(serverRegion, filingId, websiteIndex).update();
    }

    /** MIIT's approval has reached our filing system: the filing's domains may now be connected. */
    public int enableAccess(String filingId) {
        jdbc.sql("update icp_website set synced = true where filing_id = ?").param(filingId).update();
        return jdbc.sql("""
                        update icp_domain set access_enabled = true
                        where website_icp_number in (select icp_number from icp_website where filing_id = ?)""")
                .param(filingId)
                .update();
    }

    public List<String> domainsOfFiling(String filingId) {
        return jdbc.sql("""
                        select d.domain from icp_domain d join icp_website w on w.icp_number = d.website_icp_number
                        where w.filing_id = ? order by d.domain""")
                .param(filingId).query(String.class).list();
    }

    public Optional<String> filingIdOfNumber(String icpNumber) {
        return jdbc.sql("""
                        select w.filing_id from icp_website w
                        join icp_subject s on s.id_number = w.subject_id_number
                        where w.icp_number = ? or s.icp_number = ?
                        order by w.seq desc""")
                .params(icpNumber, icpNumber)
                .query(String.class)
                .list().stream().findFirst();
    }
}
