/** Authentication against Camunda's identity service, authorizations, and the start-up guards. */
package com.perftrack.security;
