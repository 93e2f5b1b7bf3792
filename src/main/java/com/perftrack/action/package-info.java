/** Improvement actions (改进行动表): owner rules, SMART pre-check and review, ten-day (旬) reports, escalations, outcome. */
package com.perftrack.action;
