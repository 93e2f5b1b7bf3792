-- Issue 13 "problems are never dropped". Owner: action.
-- A "not improved" result either reissues the problem as a follow-up action (a new row with the
-- next round number, pointing at the action it follows) or, by the committee's explicit decision
-- with a reason, closes it. Two consecutive "not improved" escalate to the general manager, whose
-- instruction is kept on the action.
alter table improvement_action add column round_no integer default 1 not null;
alter table improvement_action add column reissued_from bigint;
alter table improvement_action add column outcome_decision varchar(16);
alter table improvement_action add column close_reason varchar(2000);
alter table improvement_action add column chair_instruction varchar(2000);
alter table improvement_action add column chair_by varchar(64);
alter table improvement_action add column chair_at timestamp;
alter table improvement_action add constraint fk_improvement_action_reissued
    foreign key (reissued_from) references improvement_action (id);
alter table improvement_action add constraint ck_improvement_action_decision
    check (outcome_decision is null or outcome_decision in ('REISSUE', 'CLOSE'));
-- one action per finding, department and round (a reissued problem is the next round)
alter table improvement_action drop constraint uq_improvement_action;
alter table improvement_action add constraint uq_improvement_action_round
    unique (finding_id, responsible_department, round_no);
create index ix_improvement_action_reissued on improvement_action (reissued_from);
