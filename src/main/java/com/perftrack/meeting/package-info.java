/**
 * The review (质询) meeting: report three steps, inquiry three steps, and its minutes (findings).
 * API for other features: {@link com.perftrack.meeting.FindingService} and {@link com.perftrack.meeting.Finding};
 * {@link com.perftrack.meeting.ResourceRequestService} (resource requests, e.g. {@code forFinding} for the
 * action a granted request serves) and {@link com.perftrack.meeting.MeetingRecordService} (attendance,
 * the vice chair's stand-ins, praise and criticism). {@code chairStandInListener} is reusable on any
 * task of the chair.
 * It depends on no other process feature; the meeting's record of action results is the action
 * feature's ({@code actionResultListener}), the minutes export the dashboard's.
 */
package com.perftrack.meeting;
