/** The per-person tracking archive (业绩跟踪档案): append-only entries per person and cycle. */
package com.perftrack.archive;
