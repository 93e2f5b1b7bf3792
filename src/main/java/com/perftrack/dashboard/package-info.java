/** The KPI dashboard at {@code /} (the method's "Power BI"), its read API and the monthly tracking sheet export. */
package com.perftrack.dashboard;
