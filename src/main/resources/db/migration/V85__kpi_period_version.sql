-- Issue 18: a version per month, bumped only when a calculation changed that month's stored results
-- or gaps, so a dashboard answer about 2026-01 survives an import of 2019. Period '*' is bumped when
-- everything may have changed (an organisation import): it counts for every month.
create table kpi_period_version (
    period   varchar(7)  not null,
    version  bigint      not null,
    constraint pk_kpi_period_version primary key (period)
);
insert into kpi_period_version (period, version) values ('*', 0);
