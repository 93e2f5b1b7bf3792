/** Several application nodes on one database: start-up one node at a time, jobs of a dead node resumed. */
package com.perftrack.cluster;
