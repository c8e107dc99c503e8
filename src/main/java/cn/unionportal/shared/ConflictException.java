package cn.unionportal.shared;

/**
 * The change was based on a stale page (someone else changed the record meanwhile) or
 * collided with a concurrent one. Answers 409 with a message asking the user to reload.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
