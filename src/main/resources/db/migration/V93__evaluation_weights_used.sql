-- The weights a company's quarter was confirmed with (issue 14). Owner: evaluation.
-- Written when the quarter is published; re-scoring that quarter (an appeal, a re-run, the streaks
-- of a later quarter) uses these rows, so a later weights file never changes a confirmed quarter.
create table evaluation_weight (
    company_code  varchar(64)    not null,
    quarter       varchar(7)     not null,
    role          varchar(64)    not null,
    kpi_code      varchar(64)    not null,
    weight        numeric(12, 4) not null,
    constraint pk_evaluation_weight primary key (company_code, quarter, role, kpi_code)
);
