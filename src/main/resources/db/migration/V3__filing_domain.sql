-- The domains each filing names, for "whose domain is this" without reading the JSON.
create table filing_domain (
    filing_id  varchar(36)  not null references filing (id),
    domain     varchar(253) not null,
    primary key (filing_id, domain)
);
create index filing_domain_domain_idx on filing_domain (domain);
