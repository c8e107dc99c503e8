/** Aid cases (救助): recording, amounts (AidAmountRules), four-eyes decisions, payments, a member's own cases. Part of the aid module (see the aid package). */
package cn.unionportal.aid.cases;
