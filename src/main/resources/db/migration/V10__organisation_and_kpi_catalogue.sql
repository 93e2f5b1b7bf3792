-- Organisation units (SPEC.md section 4): company, department, region, person in one tree.
create table org_unit (
    code          varchar(64)  not null,
    unit_type     varchar(16)  not null,
    name          varchar(200) not null,
    parent_code   varchar(64),
    company_code  varchar(64)  not null, -- the company the unit belongs to (itself for a company)
    user_id       varchar(64),           -- general manager / manager / the person themself
    email         varchar(200),
    role          varchar(64),           -- company: its type; department: group id; person: KPI-weight role
    updated_at    timestamp    not null,
    constraint pk_org_unit primary key (code),
    constraint ck_org_unit_type check (unit_type in ('company', 'department', 'region', 'person'))
);
create index ix_org_unit_parent on org_unit (parent_code);
create index ix_org_unit_company on org_unit (company_code, unit_type);
create index ix_org_unit_user on org_unit (user_id);

-- KPI catalogue (SPEC.md section 4).
create table kpi (
    code              varchar(64)  not null,
    name_zh           varchar(100) not null,
    name_en           varchar(100) not null,
    unit              varchar(16)  not null, -- CNY, count, percent, days
    direction         varchar(8)   not null, -- higher or lower is better
    aggregation       varchar(8)   not null, -- sum, avg, last
    source_department varchar(64)  not null, -- group id of the department that reports it
    sort_order        integer      not null,
    constraint pk_kpi primary key (code),
    constraint ck_kpi_direction check (direction in ('higher', 'lower')),
    constraint ck_kpi_aggregation check (aggregation in ('sum', 'avg', 'last'))
);

create table kpi_weight (
    role      varchar(64)   not null,
    kpi_code  varchar(64)   not null,
    weight    numeric(9, 4) not null,
    constraint pk_kpi_weight primary key (role, kpi_code),
    constraint fk_kpi_weight_kpi foreign key (kpi_code) references kpi (code)
);

insert into kpi (code, name_zh, name_en, unit, direction, aggregation, source_department, sort_order) values
    ('SALES_AMOUNT',          '销售额',     'Sales amount',          'CNY',     'higher', 'sum', 'sales',     10),
    ('NEW_CUSTOMERS',         '新客户数',   'New customers',         'count',   'higher', 'sum', 'sales',     20),
    ('CUSTOMER_SATISFACTION', '客户满意度', 'Customer satisfaction', 'percent', 'higher', 'avg', 'marketing', 30),
    ('ORDER_CONVERSION',      '订单转化率', 'Order conversion',      'percent', 'higher', 'avg', 'sales',     40),
    ('SALES_CYCLE_DAYS',      '销售周期',   'Sales cycle',           'days',    'lower',  'avg', 'sales',     50),
    ('COMPLAINTS',            '客户投诉',   'Complaints',            'count',   'lower',  'sum', 'quality',   60),
    ('FUNNEL_LEADS',          '销售线索',   'Funnel: leads',         'count',   'higher', 'sum', 'sales',    110),
    ('FUNNEL_CONTACTS',       '初步接触',   'Funnel: first contact', 'count',   'higher', 'sum', 'sales',    120),
    ('FUNNEL_NEEDS',          '需求确认',   'Funnel: needs confirmed','count',  'higher', 'sum', 'sales',    130),
    ('FUNNEL_PROPOSALS',      '方案报价',   'Funnel: proposal',      'count',   'higher', 'sum', 'sales',    140),
    ('FUNNEL_WON',            '赢单',       'Funnel: won',           'count',   'higher', 'sum', 'sales',    150),
    ('FUNNEL_LOST',           '丢单',       'Funnel: lost',          'count',   'lower',  'sum', 'sales',    160);

-- default weights for role 'employee' (SPEC.md section 4)
insert into kpi_weight (role, kpi_code, weight) values
    ('employee', 'SALES_AMOUNT',          50),
    ('employee', 'NEW_CUSTOMERS',         20),
    ('employee', 'CUSTOMER_SATISFACTION', 20),
    ('employee', 'ORDER_CONVERSION',      10);
