package cn.unionportal.organization;

import java.util.Optional;

/**
 * Lets other modules veto dissolving an organization (for example while it still has active
 * members), without this module knowing them.
 */
public interface DissolutionGuard {

	/**
	 * @return the message key explaining why the organization cannot be dissolved, with the
	 * count as its argument, or empty when nothing stands in the way
	 */
	Optional<Refusal> check(long organizationId);

	/** Why dissolving is refused: a message key and the number of things in the way. */
	record Refusal(String messageKey, long count) {
	}
}
