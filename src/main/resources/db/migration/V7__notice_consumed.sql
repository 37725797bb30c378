-- A notice ends at most one wait (security: NoticeGate): set when a wait takes it.
alter table regulator_notice add column consumed_at timestamp with time zone;
