/** The review (质询) meeting: report three steps, inquiry three steps, minutes and findings. */
package com.perftrack.meeting;
