/** KPI catalogue, targets and actuals, the KPI calculations (plain Java) and their stored results. */
package com.perftrack.kpi;
