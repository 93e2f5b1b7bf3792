/**
 * Process glue shared by every feature: typed process variables, so delegates and listeners read
 * and write the engine's variables through one constant per variable instead of raw casts.
 */
package com.perftrack.process;
