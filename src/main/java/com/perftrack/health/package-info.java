/** The method's own health (持续改进 of the method, SPEC.md section 7): punctuality, SMART first passes, improvement, lead time. */
package com.perftrack.health;
