-- Service numbers (备案服务号; 002 §6, §9): generated from a cloud resource of the caller's, one per
-- website or app. UNUSED until an application names it, IN_USE while that application runs, USED once
-- it is ACTIVE, UNUSED again when it ends without a filing. The status change is one conditional
-- update in the filing's transaction: of two applications racing for a number, exactly one holds it.
create table service_number (
    service_number  varchar(64)  primary key,
    owner           varchar(64)  not null,
    resource_id     varchar(64)  not null,
    status          varchar(16)  not null,
    filing_id       varchar(36),
    used_for        varchar(40),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index service_number_owner_idx on service_number (owner, created_at);
create index service_number_filing_idx on service_number (filing_id);

-- How many numbers each resource has given: the quota is one conditional update, race-free.
create table service_number_quota (
    resource_id  varchar(64) primary key,
    issued       int         not null
);
