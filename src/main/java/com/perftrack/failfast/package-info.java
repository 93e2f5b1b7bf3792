/** A JVM that has run out of memory exits, so that its supervisor restarts it, instead of living on half-dead. */
package com.perftrack.failfast;
