-- Materials (证件、核验材料): an upload's metadata, with the type read from its bytes and their SHA-256.
-- expires_at: when an upload that no filing uses is removed (7 days); null once a filing uses it.
create table material (
    id            varchar(36)  primary key,
    owner         varchar(64)  not null,
    kind          varchar(32)  not null,
    category      varchar(32),
    content_type  varchar(64)  not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    deleted       boolean      not null
);
create index material_owner_idx on material (owner, created_at);
create index material_expires_idx on material (expires_at);

-- The bytes, apart: listing and checking materials never reads them.
create table material_content (
    material_id  varchar(36) primary key references material (id),
    content      bytea       not null
);

-- Which filing uses which material: a used one never expires, a deleted one stays while used,
-- and staff working on one of these filings may read it.
create table material_use (
    material_id  varchar(36) not null references material (id),
    filing_id    varchar(36) not null,
    primary key (material_id, filing_id)
);
create index material_use_filing_idx on material_use (filing_id);
