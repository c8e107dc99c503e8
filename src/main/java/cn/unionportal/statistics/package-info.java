/**
 * Annual statistics (数字看成就) and the staff home page (issue 12): the year's figures of a
 * subtree, year over year, with breakdowns by the next level, charts, exports, the year-end freeze
 * and the public page. Other modules contribute their figures through {@link
 * cn.unionportal.statistics.FigureSource} and their work queues through {@link
 * cn.unionportal.statistics.WorkQueueSource}; this module reads none of their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
		allowedDependencies = { "audit", "organization", "shared"})
package cn.unionportal.statistics;
