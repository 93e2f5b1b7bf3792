/** The sales rhythm (issue 16): weekly sales plans of each sales person and the sales head's weekly sales meeting. */
package com.perftrack.sales;
