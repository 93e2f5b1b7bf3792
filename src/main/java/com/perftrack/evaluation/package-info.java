/** Quarterly evaluation (业绩跟踪奖罚制度): scores, ranks, reward/penalty proposals, HR/GM confirmation, appeals. */
package com.perftrack.evaluation;
