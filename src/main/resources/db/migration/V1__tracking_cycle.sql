-- One monthly tracking cycle per company and period (SPEC.md section 2, step 1).
create table tracking_cycle (
    company_code        varchar(64)  not null,
    period              varchar(7)   not null,
    process_instance_id varchar(64)  not null,
    started_at          timestamp    not null,
    constraint pk_tracking_cycle primary key (company_code, period)
);
