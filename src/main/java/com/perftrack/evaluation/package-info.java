/** Quarterly evaluation (业绩跟踪奖罚制度): scores, ranks, reward/penalty proposals, HR/GM confirmation, appeals, improvement plans after a written warning. */
package com.perftrack.evaluation;
