/** The installation's business calendar: time zone, months (YYYY-MM), quarters (YYYY-Qn), periods of every length (YYYY-MM, -Qn, -Hn, YYYY), one clock. */
package com.perftrack.calendar;
