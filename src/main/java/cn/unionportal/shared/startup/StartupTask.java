package cn.unionportal.shared.startup;

/**
 * Data the portal needs in place before it answers its first request (demo data, the first
 * administrator). Run in {@link org.springframework.core.annotation.Order} by
 * {@link StartupTasks} before the web server accepts connections, so no sign-in can reach a
 * half-loaded portal.
 */
public interface StartupTask {

	void runAtStartup();
}
