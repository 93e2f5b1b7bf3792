/**
 * The KPI dashboard at {@code /} (the method's "Power BI"), its read API and the exports: the monthly
 * tracking sheet and the meeting minutes. A reader of the other features: none of them depends on it.
 */
package com.perftrack.dashboard;
