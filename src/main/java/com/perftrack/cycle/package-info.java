/** The monthly tracking cycle: its start (timer or form), one cycle per company and period, next-cycle follow-up. */
package com.perftrack.cycle;
