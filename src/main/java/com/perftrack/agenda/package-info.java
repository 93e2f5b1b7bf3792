/** The review meeting's agenda: drafted from the committee and last cycle's actions, confirmed by the secretary-general. */
package com.perftrack.agenda;
