-- One deregistration proposal per expired domain (001: the filing outlives the domain), not one a day.
create table expiry_proposal (
    domain       varchar(253) primary key,
    filing_id    varchar(36)  not null,
    expired_on   date,
    proposed_at  timestamp with time zone not null
);
