-- The analytics read model (issue 18): the figures of the filings created on each China day, kept in the
-- transaction of the status change (or session, or numbering) that moves them, so a summary over a million
-- filings sums a few thousand rows instead of reading every timeline. A measure names what is counted
-- (analytics/Measure); key1/key2 what it is counted by ('' when unused); bucket a duration bin
-- (analytics/DurationBins, 0 when unused); amount the sum of the bin's durations.
create table analytics_tally (
    created_on date             not null,
    measure    varchar(24)      not null,
    key1       varchar(32)      not null,
    key2       varchar(32)      not null,
    bucket     int              not null,
    tally      bigint           not null,
    amount     double precision not null,
    primary key (created_on, measure, key1, key2, bucket)
);

-- Which scheme of tallies the rows follow. No row, or an older scheme: the tallies are rebuilt from the
-- timelines at start (analytics/ReadModelRebuild), so this migration needs no data step of its own.
create table analytics_state (
    id       int                      primary key,
    scheme   int                      not null,
    built_at timestamp with time zone not null
);
