package com.perftrack.kpi;

/** Published when a month's results have been computed and stored (delivered after the commit to listeners that ask so). */
record ResultsCalculated(String period) {
}
