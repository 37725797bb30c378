package io.icpflow.registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The subjects, websites, domains and apps filed through us (tables {@code icp_subject}, {@code icp_website},
 * {@code icp_domain}, {@code icp_app}, {@code icp_app_platform}): what MIIT approved, whether the approval has synced back, and whether the
 * domain may be connected to our products.
 */
@Repository
public class FilingRegistry {

    public record RegisteredSubject(String idNumber, String owner, String kind, String name, String province,
                                    String icpNumber, RegistryStatus status, String contactName, String contactEmail,
                                    String contactMobile) {

        /** A subject whose contact is not recorded (or not changed). */
        public RegisteredSubject(String idNumber, String owner, String kind, String name, String province, String icpNumber,
                                 RegistryStatus status) {
            this(idNumber, owner, kind, name, province, icpNumber, status, null, null, null);
        }

        public RegisteredSubject withContact(String contactName, String contactEmail, String contactMobile) {
            return new RegisteredSubject(idNumber, owner, kind, name, province, icpNumber, status, contactName, contactEmail, contactMobile);
        }

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
    public record NewWebsite(int websiteIndex, String name, String serverRegion, List<String> domains, String icpNumber, String content) {

        public NewWebsite(int websiteIndex, String name, String serverRegion, List<String> domains, String icpNumber) {
            this(websiteIndex, name, serverRegion, domains, icpNumber, null);
        }

        public NewWebsite(int websiteIndex, String name, String serverRegion, List<String> domains) {
            this(websiteIndex, name, serverRegion, domains, null, null);
        }
    }

    /** One platform of an app: {@code identifier} is its package name or bundle id, {@code fingerprint} the certificate's MD5 or SHA-1. */
    public record RegisteredPlatform(String platform, String identifier, String publicKey, String fingerprint) {
    }

    /** An app to record; it gets the subject's next number, with the A of an app (…号-nA). */
    public record NewApp(int appIndex, String name, String serverRegion, String content, List<RegisteredPlatform> platforms) {
    }

    public record RegisteredApp(String icpNumber, String subjectIdNumber, String owner, String filingId, String name,
                                String serverRegion, String content, RegistryStatus status, List<RegisteredPlatform> platforms) {

        public boolean isActive() {
            return status == RegistryStatus.ACTIVE;
        }
    }

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    public FilingRegistry(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<RegisteredSubject> findSubject(String idNumber) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status, contact_name, contact_email, contact_mobile from icp_subject where id_number = ?")
                .param(idNumber)
                .query(RegisteredSubject.class)
                .optional();
    }

    public record RegisteredWebsite(String icpNumber, String subjectIdNumber, String owner, String filingId, int websiteIndex,
                                    String name, String serverRegion, String content, RegistryStatus status, List<String> domains) {

        public boolean isActive() {
            return status == RegistryStatus.ACTIVE;
        }
    }

    /** A page of the subjects this account filed through us, by number. */
    public List<RegisteredSubject> subjectsOf(String owner, long offset, int limit) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status, contact_name, contact_email, contact_mobile"
                        + " from icp_subject where owner = ? order by icp_number offset ? rows fetch next ? rows only")
                .params(owner, offset, limit)
                .query(RegisteredSubject.class)
                .list();
    }

    public long countSubjectsOf(String owner) {
        return jdbc.sql("select count(*) from icp_subject where owner = ?").param(owner).query(Long.class).single();
    }


    /** Every website of the subject as it stands here (active or not), in the subject's sequence. */
    public List<RegisteredWebsite> websitesOf(String subjectIdNumber) {
        return websites("w.subject_id_number = ?", subjectIdNumber);
    }

    public Optional<RegisteredSubject> findSubjectByNumber(String subjectNumber) {
        return jdbc.sql("select id_number, owner, kind, name, province, icp_number, status, contact_name, contact_email, contact_mobile from icp_subject where icp_number = ?")
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
            // an app's number has no websites under it
            return findWebsite(icpNumber).filter(RegisteredWebsite::isActive).stream().toList();
        }
        return findSubjectByNumber(icpNumber).filter(RegisteredSubject::isActive)
                .map(s -> activeWebsitesOf(s.idNumber())).orElse(List.of());
    }

    private List<RegisteredWebsite> websites(String where, String param) {
        List<RegisteredWebsite> found = jdbc.sql("""
                        select w.icp_number, w.subject_id_number, s.owner, w.filing_id, w.website_index, w.name, w.server_region,
                               w.content, w.status
                        from icp_website w join icp_subject s on s.id_number = w.subject_id_number
                        where """ + " " + where + " order by w.seq")
                .param(param)
                .query((rs, n) -> new RegisteredWebsite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), RegistryStatus.valueOf(rs.getString(9)), List.of()))
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
                .map(w -> new RegisteredWebsite(w.icpNumber(), w.subjectIdNumber(), w.owner(), w.filingId(), w.websiteIndex(), w.name(),
                        w.serverRegion(), w.content(), w.status(), domains.getOrDefault(w.icpNumber(), List.of())))
                .toList();
    }

    /** Every app of the subject as it stands here (active or not), in the subject's sequence. */
    public List<RegisteredApp> appsOf(String subjectIdNumber) {
        return apps("a.subject_id_number = ?", subjectIdNumber);
    }

    public List<RegisteredApp> activeAppsOf(String subjectIdNumber) {
        return appsOf(subjectIdNumber).stream().filter(RegisteredApp::isActive).toList();
    }

    public Optional<RegisteredApp> findApp(String appNumber) {
        return apps("a.icp_number = ?", appNumber).stream().findFirst();
    }

    /** The active app filed here with this package name or bundle id on this platform, if any. */
    public Optional<RegisteredApp> findActiveAppByIdentifier(String platform, String identifier) {
        return jdbc.sql("""
                        select p.app_icp_number from icp_app_platform p join icp_app a on a.icp_number = p.app_icp_number
                        where p.platform = ? and p.identifier = ? and a.status = ?""")
                .params(platform, identifier, RegistryStatus.ACTIVE.name())
                .query(String.class).list().stream().findFirst()
                .flatMap(this::findApp);
    }

    /** App index in the application → its ICP number (e.g. {@code 浙ICP备2026012345号-2A}). */
    public Map<Integer, String> appNumbers(String filingId) {
        return appNumbers(List.of(filingId)).getOrDefault(filingId, Map.of());
    }

    public Map<String, Map<Integer, String>> appNumbers(Collection<String> filingIds) {
        return numbers("select filing_id, app_index, icp_number from icp_app where filing_id in (:ids)", filingIds);
    }

    private Map<String, Map<Integer, String>> numbers(String query, Collection<String> filingIds) {
        Map<String, Map<Integer, String>> numbers = new HashMap<>();
        if (!filingIds.isEmpty()) {
            jdbc.sql(query).param("ids", filingIds)
                    .query(rs -> {
                        numbers.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                    });
        }
        return numbers;
    }

    private List<RegisteredApp> apps(String where, String param) {
        List<RegisteredApp> found = jdbc.sql("""
                        select a.icp_number, a.subject_id_number, s.owner, a.filing_id, a.name, a.server_region, a.content, a.status
                        from icp_app a join icp_subject s on s.id_number = a.subject_id_number
                        where """ + " " + where + " order by a.seq")
                .param(param)
                .query((rs, n) -> new RegisteredApp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), RegistryStatus.valueOf(rs.getString(8)), List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<String, List<RegisteredPlatform>> platforms = jdbc.sql("""
                        select app_icp_number, platform, identifier, public_key, fingerprint from icp_app_platform
                        where app_icp_number in (:numbers) order by platform""")
                .param("numbers", found.stream().map(RegisteredApp::icpNumber).toList())
                .query((rs, n) -> Map.entry(rs.getString(1), new RegisteredPlatform(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return found.stream()
                .map(a -> new RegisteredApp(a.icpNumber(), a.subjectIdNumber(), a.owner(), a.filingId(), a.name(), a.serverRegion(),
                        a.content(), a.status(), platforms.getOrDefault(a.icpNumber(), List.of())))
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
            jdbc.sql("update icp_app set status = ?, synced = false where subject_id_number = ? and status = ?")
                    .params(RegistryStatus.CANCELLED.name(), subjectIdNumber, RegistryStatus.ACTIVE.name()).update();
            jdbc.sql("update icp_subject set status = ? where id_number = ?").params(RegistryStatus.CANCELLED.name(), subjectIdNumber).update();
        }
    }

    /** An app's cancellation approved by the CA: its number is released, its package names and bundle ids may be filed again. */
    public void cancelApp(String appNumber) {
        jdbc.sql("update icp_app set status = ?, synced = false where icp_number = ?").params(RegistryStatus.CANCELLED.name(), appNumber).update();
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
        return websiteNumbers(List.of(filingId)).getOrDefault(filingId, Map.of());
    }

    /** The same for each of these filings, in one query (a page of filings). */
    public Map<String, Map<Integer, String>> websiteNumbers(Collection<String> filingIds) {
        return numbers("select filing_id, website_index, icp_number from icp_website where filing_id in (:ids)", filingIds);
    }

    /**
     * Records MIIT's approval: the subject with its number (created on a first filing, kept on a new
     * website) and one website number {@code <subject number>-N} per website, N continuing the subject's
     * sequence. Domains are not yet connectable: that waits for the sync (004).
     */
    public void recordApproval(RegisteredSubject subject, String filingId, List<NewWebsite> websites) {
        recordApproval(subject, filingId, websites, List.of());
    }

    /** ... and one app number {@code <subject number>-NA} per app, after the websites in the same sequence. */
    public void recordApproval(RegisteredSubject subject, String filingId, List<NewWebsite> websites, List<NewApp> apps) {
        Optional<RegisteredSubject> known = findSubject(subject.idNumber());
        if (known.isPresent() && !known.get().isActive()) {
            // filed again after a cancellation: MIIT gave the subject a new number
            jdbc.sql("""
                            update icp_subject set icp_number = ?, status = ?, owner = ?, name = ?,
                                   contact_name = ?, contact_email = ?, contact_mobile = ? where id_number = ?""")
                    .params(subject.icpNumber(), RegistryStatus.ACTIVE.name(), subject.owner(), subject.name(),
                            subject.contactName(), subject.contactEmail(), subject.contactMobile(), subject.idNumber())
                    .update();
        } else if (known.isEmpty()) {
            jdbc.sql("""
                            insert into icp_subject (id_number, owner, kind, name, province, icp_number, status,
                                                     contact_name, contact_email, contact_mobile)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(subject.idNumber(), subject.owner(), subject.kind(), subject.name(), subject.province(), subject.icpNumber(),
                            RegistryStatus.ACTIVE.name(), subject.contactName(), subject.contactEmail(), subject.contactMobile())
                    .update();
        }
        // websites and apps share the subject's one sequence (MIIT's notice of 2023-08-04)
        int seq = jdbc.sql("""
                        select coalesce(max(seq), 0) from (
                            select seq from icp_website where subject_id_number = ?
                            union all select seq from icp_app where subject_id_number = ?) numbered""")
                .params(subject.idNumber(), subject.idNumber()).query(Integer.class).single();
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
                            insert into icp_website (icp_number, subject_id_number, filing_id, website_index, seq, name, server_region,
                                                     content, status, synced)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
                    .params(websiteNumber, subject.idNumber(), filingId, website.websiteIndex(), websiteSeq, website.name(), website.serverRegion(),
                            website.content(), RegistryStatus.ACTIVE.name())
                    .update();
            for (String domain : website.domains()) {
                jdbc.sql("insert into icp_domain (domain, website_icp_number, access_enabled) values (?, ?, false)")
                        .params(domain, websiteNumber)
                        .update();
            }
        }
        IcpNumber subjectNumber = IcpNumber.parse(subject.icpNumber()).orElseThrow();
        for (NewApp app : apps) {
            int appSeq = ++seq;
            String appNumber = subjectNumber.app(appSeq).toString();
            jdbc.sql("""
                            insert into icp_app (icp_number, subject_id_number, filing_id, app_index, seq, name, server_region, content, status, synced)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)""")
                    .params(appNumber, subject.idNumber(), filingId, app.appIndex(), appSeq, app.name(), app.serverRegion(), app.content(),
                            RegistryStatus.ACTIVE.name())
                    .update();
            insertPlatforms(appNumber, app.platforms());
        }
        events.publishEvent(new FilingNumbered(filingId, websites.size(), apps.size()));
    }

    private void insertPlatforms(String appNumber, List<RegisteredPlatform> platforms) {
        for (RegisteredPlatform p : platforms) {
            jdbc.sql("insert into icp_app_platform (app_icp_number, platform, identifier, public_key, fingerprint) values (?, ?, ?, ?, ?)")
                    .params(appNumber, p.platform(), p.identifier(), p.publicKey(), p.fingerprint())
                    .update();
        }
    }

    /** A subject change approved and synced (变更备案): the name and the contact as they shall be; the number is kept. */
    public void changeSubject(String idNumber, String name, String contactName, String contactEmail, String contactMobile) {
        jdbc.sql("update icp_subject set name = ?, contact_name = ?, contact_email = ?, contact_mobile = ? where id_number = ?")
                .params(name, contactName, contactEmail, contactMobile, idNumber).update();
    }

    /**
     * A website change approved and synced: name, region and content as they shall be, and only the
     * domains it keeps (a change can remove domains, never add one); the number is kept.
     */
    public void changeWebsite(String websiteNumber, String name, String serverRegion, String content, List<String> keptDomains) {
        jdbc.sql("update icp_website set name = ?, server_region = ?, content = ? where icp_number = ?")
                .params(name, serverRegion, content, websiteNumber).update();
        jdbc.sql("delete from icp_domain where website_icp_number = :number and domain not in (:kept)")
                .param("number", websiteNumber).param("kept", keptDomains).update();
    }

    /** An app change approved and synced: name, region, content and the platforms' feature data as they shall be; the number is kept. */
    public void changeApp(String appNumber, String name, String serverRegion, String content, List<RegisteredPlatform> platforms) {
        jdbc.sql("update icp_app set name = ?, server_region = ?, content = ? where icp_number = ?")
                .params(name, serverRegion, content, appNumber).update();
        jdbc.sql("delete from icp_app_platform where app_icp_number = ?").param(appNumber).update();
        insertPlatforms(appNumber, platforms);
    }

    public void moveWebsite(String filingId, int websiteIndex, String serverRegion) {
        jdbc.sql("update icp_website set server_region = ? where filing_id = ? and website_index = ?")
                .params(serverRegion, filingId, websiteIndex).update();
    }

    /** MIIT's approval has reached our filing system: the filing's domains may now be connected. */
    public int enableAccess(String filingId) {
        jdbc.sql("update icp_website set synced = true where filing_id = ?").param(filingId).update();
        jdbc.sql("update icp_app set synced = true where filing_id = ?").param(filingId).update();
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
