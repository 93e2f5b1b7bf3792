/**
 * Company, departments, regions and people, and their Camunda users and groups; the installation's
 * default company ({@link com.perftrack.organisation.CompanySettings}, {@code ptc.company.*}).
 */
package com.perftrack.organisation;
