-- One row that every recalculation updates first, in its own transaction (issue 12):
--  * the row lock serialises recalculations, so two imports of one month no longer collide on
--    kpi_result's primary key, and the later one computes from the figures the earlier committed;
--  * its value is the version of the stored results that every node's dashboard cache reads, so an
--    import on one node shows on another's dashboard within a second.
create table kpi_results_version (
    id       integer not null,
    version  bigint  not null,
    constraint pk_kpi_results_version primary key (id)
);
insert into kpi_results_version (id, version) values (1, 0);
