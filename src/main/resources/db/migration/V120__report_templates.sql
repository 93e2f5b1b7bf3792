-- The method's report templates (issue 16, SPEC.md section 2): customer survey (客户调查), monthly
-- market-information report (市场信息收集月报), regional monthly marketing plan (销售区域营销工作月度计划).
-- Owner: templates. Each upload replaces the stored lines of its (period, unit) pairs.

-- Per company: whether a month's customer surveys give the unit's CUSTOMER_SATISFACTION actual.
create table template_setting (
    company_code              varchar(64) not null,
    survey_feeds_satisfaction boolean     not null default false,
    updated_by                varchar(64),
    updated_at                timestamp,
    constraint pk_template_setting primary key (company_code)
);

-- The survey questions a company asks (scores 1-5); none stored = the seed's product, delivery, service, price.
create table survey_question (
    company_code varchar(64)  not null,
    code         varchar(32)  not null,
    label        varchar(100) not null,
    sort_order   integer      not null,
    constraint pk_survey_question primary key (company_code, code)
);

create table customer_survey (
    id           bigserial     not null,
    company_code varchar(64)   not null,
    period       varchar(7)    not null,
    unit_type    varchar(16)   not null,
    unit_code    varchar(64)   not null,
    customer     varchar(200)  not null,
    survey_date  date          not null,
    comment      varchar(2000),
    imported_by  varchar(64),
    imported_at  timestamp     not null,
    constraint pk_customer_survey primary key (id)
);
create index ix_customer_survey_month on customer_survey (period, unit_code);

create table customer_survey_score (
    survey_id bigint      not null,
    question  varchar(32) not null,
    score     integer     not null,
    constraint pk_customer_survey_score primary key (survey_id, question),
    constraint fk_customer_survey_score foreign key (survey_id) references customer_survey (id) on delete cascade,
    constraint ck_customer_survey_score check (score between 1 and 5)
);

create table market_competitor (
    id           bigserial     not null,
    company_code varchar(64)   not null,
    period       varchar(7)    not null,
    unit_type    varchar(16)   not null,
    unit_code    varchar(64)   not null,
    competitor   varchar(200)  not null,
    product      varchar(200),
    price        numeric(20, 2),
    move         varchar(2000),
    imported_by  varchar(64),
    imported_at  timestamp     not null,
    constraint pk_market_competitor primary key (id)
);
create index ix_market_competitor_month on market_competitor (period, unit_code);

-- One market estimate per unit and month; market_share is a fraction (0.12 = 12%).
create table market_estimate (
    company_code  varchar(64)    not null,
    period        varchar(7)     not null,
    unit_type     varchar(16)    not null,
    unit_code     varchar(64)    not null,
    market_size   numeric(20, 2),
    market_share  numeric(9, 6),
    demand_change varchar(2000),
    policy        varchar(2000),
    imported_by   varchar(64),
    imported_at   timestamp      not null,
    constraint pk_market_estimate primary key (period, unit_code),
    constraint ck_market_estimate_share check (market_share between 0 and 1)
);

-- The plan for a month (period = the month planned): per region, KPI targets and plan items.
create table regional_plan_target (
    company_code varchar(64)    not null,
    period       varchar(7)     not null,
    region_code  varchar(64)    not null,
    kpi_code     varchar(64)    not null,
    target       numeric(20, 6) not null,
    imported_by  varchar(64),
    imported_at  timestamp      not null,
    constraint pk_regional_plan_target primary key (period, region_code, kpi_code)
);

create table regional_plan_item (
    id           bigserial      not null,
    company_code varchar(64)    not null,
    period       varchar(7)     not null,
    region_code  varchar(64)    not null,
    activity     varchar(500)   not null,
    owner        varchar(100),
    due_date     date,
    budget       numeric(20, 2),
    imported_by  varchar(64),
    imported_at  timestamp      not null,
    constraint pk_regional_plan_item primary key (id)
);
create index ix_regional_plan_item_month on regional_plan_item (period, region_code);

-- What a template last wrote as a figure's actual: a later template upload may replace only its own
-- value (or an empty actual), never a figure someone imported by hand.
create table template_figure_feed (
    period    varchar(7)     not null,
    unit_code varchar(64)    not null,
    kpi_code  varchar(64)    not null,
    actual    numeric(20, 6) not null,
    constraint pk_template_figure_feed primary key (period, unit_code, kpi_code)
);

-- MARKET_SHARE (a fraction, averaged, higher is better), fed by the market-information report. A KPI
-- a template feeds is not owed as a figure in the monthly collection (owed_in_collection), so adding
-- it makes no marketing department "missing" anything.
alter table kpi add column owed_in_collection boolean not null default true;
insert into kpi (code, name_zh, name_en, unit, direction, aggregation, source_department, sort_order, decimals, owed_in_collection)
values ('MARKET_SHARE', '市场占有率', 'Market share', '%', 'higher', 'avg', 'marketing', 35, 4, false);
