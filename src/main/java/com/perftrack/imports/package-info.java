/** Standard import files (CSV and XLSX): reading, line-by-line validation, templates and the upload page. */
package com.perftrack.imports;
