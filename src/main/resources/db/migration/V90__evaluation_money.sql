-- Money for rewards and penalties (issue 14). Owner: evaluation.
-- The sum of a bonus or fine: from reward-penalty-amount in bpmn/reward-penalty.dmn (a fixed sum, or a
-- share of the base the company sets per role), or entered by HR where the rule says so. CNY, two decimals.
alter table evaluation add column amount numeric(14, 2);
alter table evaluation add column amount_rule varchar(16);
alter table evaluation add column amount_set_by varchar(64);
alter table evaluation add constraint ck_evaluation_amount_rule
    check (amount_rule is null or amount_rule in ('fixed', 'share', 'hr'));

-- The company's base per role for "share" rules ('*': every role of the company without its own base).
create table reward_base (
    company_code  varchar(64)    not null,
    peer_group    varchar(64)    not null,
    base_amount   numeric(14, 2) not null,
    updated_by    varchar(64),
    updated_at    timestamp      not null,
    constraint pk_reward_base primary key (company_code, peer_group),
    constraint ck_reward_base_amount check (base_amount >= 0)
);
