-- The quarterly evaluation runs once per company and quarter (each company is a Camunda tenant,
-- its HR and general manager see their own company's people only). Owner: evaluation.
-- Runs from before evaluated every company at once: company_code '*' keeps them meaning that.
alter table evaluation_run add column company_code varchar(64) default '*' not null;
alter table evaluation_run drop constraint pk_evaluation_run;
alter table evaluation_run add constraint pk_evaluation_run primary key (quarter, company_code);
