package cn.unionportal.shared.startup;

/** Whether the {@link StartupTask}s have run (readiness, issue 14). */
public interface StartupState {

	boolean complete();
}
