/**
 * Improvement actions (改进行动表): owner rules, SMART pre-check and review, ten-day (旬) reports,
 * escalations, and the outcome, recorded at the next review meeting ({@code actionResultListener}).
 */
package com.perftrack.action;
