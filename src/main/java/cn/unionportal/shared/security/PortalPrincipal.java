package cn.unionportal.shared.security;

/**
 * Implemented by the authenticated principal of a staff session.
 */
public interface PortalPrincipal {

	CurrentUser currentUser();
}
