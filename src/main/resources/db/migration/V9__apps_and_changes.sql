-- Apps filed through us (APP备案, MIIT notice of 2023-08-04): numbers …号-nA from the subject's one
-- sequence, shared with its websites.
create table icp_app (
    icp_number         varchar(72)  primary key,
    subject_id_number  varchar(18)  not null references icp_subject (id_number),
    filing_id          varchar(36)  not null,
    app_index          int          not null,
    seq                int          not null,
    name               varchar(200) not null,
    server_region      varchar(32)  not null,
    content            varchar(16),
    status             varchar(16)  not null,
    synced             boolean      not null
);
create index icp_app_filing_idx on icp_app (filing_id);
create index icp_app_subject_idx on icp_app (subject_id_number);

-- Each platform's feature data. A package name or bundle id is filed once while its app is active
-- (APP_ALREADY_FILED); a cancelled app keeps its rows for the record.
create table icp_app_platform (
    app_icp_number  varchar(72)  not null references icp_app (icp_number),
    platform        varchar(16)  not null,
    identifier      varchar(255) not null,
    public_key      text         not null,
    fingerprint     varchar(40)  not null,
    primary key (app_icp_number, platform)
);
create index icp_app_platform_identifier_idx on icp_app_platform (identifier);

-- What a change (变更备案) may change, held by the registry as it stands now: the subject's contact
-- and each website's content. Null for rows recorded before: read from the filing that made them.
alter table icp_subject add column contact_name varchar(100);
alter table icp_subject add column contact_email varchar(254);
alter table icp_subject add column contact_mobile varchar(11);
alter table icp_website add column content varchar(16);
