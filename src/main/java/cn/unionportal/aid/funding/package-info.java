/** Funding: the yearly aid policy, minimum-living thresholds per district, budgets per organization. Part of the aid module (see the aid package). */
package cn.unionportal.aid.funding;
