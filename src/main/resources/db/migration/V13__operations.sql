-- Filings by type and status, kept in the status change's transaction: the metrics (and later the
-- analytics) read these rows, never a scan of the filing table. Rows for every type and status are
-- added at start (FilingCounts); this seeds them from what exists.
create table filing_count (
    type     varchar(32) not null,
    status   varchar(32) not null,
    filings  bigint      not null,
    primary key (type, status)
);
insert into filing_count (type, status, filings) select type, status, count(*) from filing group by type, status;

-- The mail backlog and its oldest entry, for the metrics, without reading the sent ones.
create index mail_outbox_status_idx on mail_outbox (status, created_at);
