/**
 * The monthly tracking cycle: its start (timer or form), one cycle per company and period, its
 * service tasks (KPI results, improvement actions started, results archived), next-cycle follow-up.
 */
package com.perftrack.cycle;
