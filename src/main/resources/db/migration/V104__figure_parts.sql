-- Parts of a unit's monthly figure (SPEC.md section 7). Owner: kpi.
-- A part is a day of the month (figures imported with period YYYY-MM-DD) and/or a product, channel or
-- customer (the optional dimension columns of the figures file). day_of_month 0 = the whole month;
-- an absent dimension is ''. When a unit has parts but no monthly total row of its own, its figure
-- row is the aggregate of its parts and is marked from_parts; a total row imported later replaces it.
create table figure_part (
    period        varchar(7)      not null,
    day_of_month  smallint        not null default 0,
    unit_type     varchar(16)     not null,
    unit_code     varchar(64)     not null,
    kpi_code      varchar(64)     not null,
    product       varchar(100)    not null default '',
    channel       varchar(100)    not null default '',
    customer      varchar(100)    not null default '',
    target        numeric(20, 6),
    actual        numeric(20, 6),
    imported_by   varchar(64),
    imported_at   timestamp       not null,
    source_file   varchar(255),
    constraint pk_figure_part primary key (period, unit_code, kpi_code, day_of_month, product, channel, customer)
);
create index ix_figure_part_unit on figure_part (unit_code, period);
create index ix_figure_part_customer on figure_part (kpi_code, period, customer);

alter table figure add column from_parts boolean default false not null;
