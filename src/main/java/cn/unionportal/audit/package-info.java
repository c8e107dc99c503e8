/**
 * The audit trail: who did what to which record and when, written by every module in its own
 * transaction ({@link cn.unionportal.audit.AuditTrail#record}), browsed by administrators within
 * their subtree ({@code /audit}). Owns the table {@code audit_event} (created by V3 before the trail
 * became a module, owned here since V19). Depends on {@code shared} only; the hierarchy comes in
 * through {@link cn.unionportal.audit.AuditScope}, implemented by the organization module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = "shared")
package cn.unionportal.audit;
