-- A product's request to connect a domain (000), as the applicant follows it.
create table access_check (
    id            varchar(36)  primary key,
    owner         varchar(64)  not null,
    domain        varchar(253) not null,
    product       varchar(32)  not null,
    outcome       varchar(32)  not null,
    attempts      int          not null,
    next_check_at timestamp with time zone,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index access_check_owner_idx on access_check (owner, created_at);
