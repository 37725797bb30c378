-- The day whose rules apply to an application: its submission, or its latest resubmission (rules/).
alter table filing add column submitted_at timestamp with time zone;
update filing set submitted_at = created_at;
