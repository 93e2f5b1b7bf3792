/** The installation's business calendar: time zone, periods (YYYY-MM) and quarters (YYYY-Qn), one clock. */
package com.perftrack.calendar;
