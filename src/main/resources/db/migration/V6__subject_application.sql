-- An application in progress per subject and account (was: per subject). A company's USCC is public:
-- with one lock per subject, any account could block a company by filing for it first. Another
-- account's application blocks only once it has passed identity verification (verified).
create table subject_application (
    subject_id_number varchar(18) not null,
    owner             varchar(64) not null,
    filing_id         varchar(36) not null,
    verified          boolean     default false not null,
    primary key (subject_id_number, owner)
);
create index subject_application_filing_idx on subject_application (filing_id);

insert into subject_application (subject_id_number, owner, filing_id, verified)
select s.subject_id_number, f.owner, s.filing_id,
       case when exists (select 1 from filing_event e where e.filing_id = s.filing_id and e.status in ('SMS_VERIFICATION', 'CA_REVIEW'))
            then true else false end
from subject_in_progress s join filing f on f.id = s.filing_id;

drop table subject_in_progress;
