-- Early warnings (SPEC.md section 7) already mailed to their unit's owner: one row per quarter, unit
-- and KPI, so a warning that disappears and comes back in the same quarter is not mailed again. Owner: kpi.
create table early_warning_sent (
    quarter              varchar(7)      not null,
    unit_type            varchar(16)     not null,
    unit_code            varchar(64)     not null,
    kpi_code             varchar(64)     not null,
    company_code         varchar(64)     not null,
    period               varchar(7)      not null, -- the month whose results first showed it
    forecast_attainment  numeric(20, 6),
    owner_user_id        varchar(64),
    sent_at              timestamp       not null,
    constraint pk_early_warning_sent primary key (quarter, unit_type, unit_code, kpi_code)
);
create index ix_early_warning_sent_company on early_warning_sent (company_code, quarter);
