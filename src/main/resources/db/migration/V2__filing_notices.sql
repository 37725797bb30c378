-- Information for the applicant that is not a reason for a return (e.g. what a full transfer means
-- for the old provider's filing).
alter table filing add column notices_json text default '[]' not null;
