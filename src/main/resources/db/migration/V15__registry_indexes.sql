-- The registry read by subject and by website at a provider's scale (bench/run --history: at 1,000,000 filings
-- the webhook's FILING_APPROVED took 215 ms at p99): a subject's websites and its next number (FilingRegistry's
-- one sequence per subject) and a website's domains were scans of the whole table.
create index icp_website_subject_idx on icp_website (subject_id_number);
create index icp_domain_website_idx on icp_domain (website_icp_number);
