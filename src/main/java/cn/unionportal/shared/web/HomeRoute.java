package cn.unionportal.shared.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * SPI (issue 9): where {@code /} leads a signed-in person, decided by the module that owns that kind
 * of account. Implemented by self-service (members go to {@code /me}) and competition (judge-only
 * accounts go to their score sheets); everyone else gets the staff home page.
 */
public interface HomeRoute {

	/** The view name ({@code redirect:…}) for this person, or empty when this module has no say. */
	Optional<String> destinationFor(Authentication authentication);
}
