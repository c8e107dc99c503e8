/**
 * Several portal nodes on one database (issue 14): the node's identity and database leases, so
 * that scheduled work runs on one node at a time and a node's claims lapse when it dies.
 */
package cn.unionportal.shared.cluster;
