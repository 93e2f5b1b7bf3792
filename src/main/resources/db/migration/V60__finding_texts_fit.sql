-- Sales' deviation pre-filled from its ten KPIs is longer than 500 characters: the finding's free
-- texts get room for what the system pre-fills plus what a person types (issue 11). The form and
-- MeetingReportValidator check the same limits before anything reaches the database.
alter table finding alter column deviation set data type varchar(4000);
alter table finding alter column impact set data type varchar(2000);
alter table finding alter column cause set data type varchar(4000);
alter table finding alter column proposal set data type varchar(4000);
alter table finding alter column solution set data type varchar(4000);
