/**
 * The method's report templates (issue 16): customer survey, monthly market-information report and regional
 * monthly marketing plan — structured storage, xlsx templates, import, export, JSON reads and the collection forms' tables.
 */
package com.perftrack.templates;
