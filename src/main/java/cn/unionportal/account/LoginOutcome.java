package cn.unionportal.account;

/** How a login attempt ended. */
public enum LoginOutcome {
	SUCCESS, BAD_CREDENTIALS, LOCKED, DISABLED, LOGOUT, THROTTLED
}
