-- Targets and actuals per period x unit x KPI (SPEC.md section 4). Owner: kpi.
-- Empty target or actual means "not reported". Percentages are fractions (0.72 = 72%).
create table figure (
    period       varchar(7)      not null,
    unit_type    varchar(16)     not null,
    unit_code    varchar(64)     not null,
    kpi_code     varchar(64)     not null,
    target       numeric(20, 6),
    actual       numeric(20, 6),
    imported_by  varchar(64),
    imported_at  timestamp       not null,
    source_file  varchar(255),
    constraint pk_figure primary key (period, unit_type, unit_code, kpi_code)
);
create index ix_figure_unit on figure (unit_code, kpi_code, period);
