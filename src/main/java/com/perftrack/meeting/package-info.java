/**
 * The review (质询) meeting: report three steps, inquiry three steps, and its minutes (findings).
 * API for other features: {@link com.perftrack.meeting.FindingService} and {@link com.perftrack.meeting.Finding}.
 * It depends on no other process feature; the meeting's record of action results is the action
 * feature's ({@code actionResultListener}), the minutes export the dashboard's.
 */
package com.perftrack.meeting;
