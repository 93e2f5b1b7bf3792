-- The KPI catalogue and the weights become data the company owns (issue 14, SPEC.md section 7).
-- Owner: kpi. The catalogue gains the display decimals and free unit text ('%', 'CNY', 'm²', ...).
alter table kpi add column decimals integer;
update kpi set decimals = case unit when 'CNY' then 2 when 'count' then 0 when 'percent' then 4 when 'days' then 1 else 2 end;
alter table kpi alter column decimals set not null;
alter table kpi add constraint ck_kpi_decimals check (decimals between 0 and 6);
alter table kpi alter column unit set data type varchar(32);
alter table kpi alter column name_zh set data type varchar(200);
alter table kpi alter column name_en set data type varchar(200);
alter table kpi add column updated_by varchar(64);
alter table kpi add column updated_at timestamp;

-- A company's weight set for a role, from its quarter on (valid_from 'YYYY-Qn') until a later set.
-- The built-in kpi_weight rows stay the section 4 defaults for a company without a set.
create table kpi_weight_set (
    company_code  varchar(64)   not null,
    role          varchar(64)   not null,
    valid_from    varchar(7)    not null,
    kpi_code      varchar(64)   not null,
    weight        numeric(12, 4) not null,
    imported_by   varchar(64),
    imported_at   timestamp     not null,
    constraint pk_kpi_weight_set primary key (company_code, role, valid_from, kpi_code),
    constraint fk_kpi_weight_set_kpi foreign key (kpi_code) references kpi (code),
    constraint ck_kpi_weight_set_weight check (weight >= 0)
);
create index ix_kpi_weight_set_lookup on kpi_weight_set (company_code, role, valid_from);
