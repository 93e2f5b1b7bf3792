-- A living agenda (issue 13): the meeting notes the company configures (ptc.agenda.meeting-notes,
-- default the seed's two: 严格控制发言时间, 手机调到震动) are kept with each agenda, one per line, so an
-- agenda exported later shows the notes it was confirmed with.
alter table agenda add column meeting_notes varchar(2000);
