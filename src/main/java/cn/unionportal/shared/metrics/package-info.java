/** Business metrics of the portal (issue 14): names and tags in one place, see {@link cn.unionportal.shared.metrics.PortalMetrics}. */
package cn.unionportal.shared.metrics;
