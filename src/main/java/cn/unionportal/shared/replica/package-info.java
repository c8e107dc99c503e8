/**
 * A read replica (issue 14), off unless {@code portal.replica.url} is set: read-only transactions
 * go to the replica while it keeps up, everything else (and a session's reads shortly after its
 * own writes) to the primary. See {@link cn.unionportal.shared.replica.ReplicaConfiguration}.
 */
package cn.unionportal.shared.replica;
