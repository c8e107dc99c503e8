package cn.unionportal.member.web;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The response body of a download, opened (headers set) only when the first byte is written, so
 * that a refusal before that (403, 404) still becomes a normal error page.
 */
final class DeferredOutput extends OutputStream {

	private final HttpServletResponse response;

	private final Runnable prepare;

	private OutputStream out;

	DeferredOutput(HttpServletResponse response, Runnable prepare) {
		this.response = response;
		this.prepare = prepare;
	}

	private OutputStream out() throws IOException {
		if (out == null) {
			prepare.run();
			out = response.getOutputStream();
		}
		return out;
	}

	@Override
	public void write(int b) throws IOException {
		out().write(b);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		out().write(b, off, len);
	}

	@Override
	public void flush() throws IOException {
		if (out != null) {
			out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (out != null) {
			out.close();
		}
	}
}
