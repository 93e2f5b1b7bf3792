-- Findings are numbered per meeting (company and period): #1, #2, #3 … without gaps (issue 11).
-- The identity id is shared by every company's findings and a failed save used it up, so the
-- numbers people saw jumped. The number is taken when the finding is saved, in the same statement
-- and transaction (max + 1 of the meeting): a save that fails takes its number back with it, and
-- the unique key refuses a second finding with the same number in one meeting.
alter table finding add column meeting_number integer;
update finding set meeting_number = (select count(*) from finding earlier
    where earlier.company_code = finding.company_code and earlier.period = finding.period and earlier.id <= finding.id);
alter table finding alter column meeting_number set not null;
alter table finding add constraint uq_finding_meeting_number unique (company_code, period, meeting_number);
