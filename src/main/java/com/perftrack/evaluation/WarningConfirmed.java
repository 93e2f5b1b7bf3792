package com.perftrack.evaluation;

import com.perftrack.calendar.Quarter;

/** Published when a quarter's WARNING is confirmed (publication): the person's improvement plan starts. */
record WarningConfirmed(Quarter quarter, String personCode, String companyCode) {}
