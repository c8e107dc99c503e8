package cn.unionportal.aid.files;

/** A lifecycle step that the file's current status does not allow. */
public class IllegalFileTransition extends RuntimeException {

	private final FileStatus current;

	IllegalFileTransition(FileStatus current, FileStatus wanted) {
		super("file is " + current + ", cannot go to " + wanted);
		this.current = current;
	}

	FileStatus current() {
		return current;
	}
}
