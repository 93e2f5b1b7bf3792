/** Company, departments, regions and people, and their Camunda users and groups. */
package com.perftrack.organisation;
