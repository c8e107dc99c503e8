package cn.unionportal.shared.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streamed AES-256-GCM for files (evidence attachments), in segments so that memory stays bounded
 * whatever the file's size (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 *
 * <p>Layout: a 15-byte header, {@code MAGIC (8 bytes) || nonce prefix (7 random bytes)}, then
 * segments of at most {@value #SEGMENT} plaintext bytes, each sealed with its own 16-byte tag. The
 * 12-byte nonce of segment {@code i} is {@code prefix || i (4 bytes, big-endian) || last (1 byte)},
 * and the header is authenticated with every segment, so segments cannot be reordered, dropped,
 * swapped between files, or cut off at the end without the decryption failing.
 *
 * <p>The magic starts with a zero byte, which no PDF, JPEG or PNG does, so an encrypted file is
 * told from a clear one by its first bytes ({@link #isEncrypted(byte[], int)}).
 */
final class SegmentedGcm {

	static final byte[] MAGIC = { 0x00, 'U', 'P', 'F', 'E', 'N', 'C', 0x01 };

	static final int PREFIX_LENGTH = 7;

	static final int HEADER_LENGTH = MAGIC.length + PREFIX_LENGTH;

	static final int SEGMENT = 64 * 1024;

	private static final int TAG_LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private SegmentedGcm() {
	}

	static boolean isEncrypted(byte[] header, int length) {
		return length >= MAGIC.length && Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	static OutputStream encrypting(SecretKey key, OutputStream out) throws IOException {
		byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
		byte[] prefix = new byte[PREFIX_LENGTH];
		RANDOM.nextBytes(prefix);
		System.arraycopy(prefix, 0, header, MAGIC.length, PREFIX_LENGTH);
		out.write(header);
		return new Encrypting(key, header, out);
	}

	static InputStream decrypting(SecretKey key, InputStream in) throws IOException {
		byte[] header = in.readNBytes(HEADER_LENGTH);
		if (header.length < HEADER_LENGTH || !isEncrypted(header, header.length)) {
			in.close();
			throw new IOException("Not an encrypted file (unknown header)");
		}
		return new Decrypting(key, header, in);
	}

	private static byte[] seal(SecretKey key, byte[] header, int mode, long counter, boolean last, byte[] input,
			int length) throws IOException {
		if (counter > 0xFFFF_FFFFL) {
			throw new IOException("File too large for one encryption stream");
		}
		byte[] nonce = ByteBuffer.allocate(12)
			.put(header, MAGIC.length, PREFIX_LENGTH)
			.putInt((int) counter)
			.put((byte) (last ? 1 : 0))
			.array();
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
			cipher.updateAAD(header);
			return cipher.doFinal(input, 0, length);
		}
		catch (AEADBadTagException ex) {
			throw new IOException("Encrypted file failed authentication: altered, truncated or another key", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable or misconfigured", ex);
		}
	}

	/** Buffers one segment; a full segment is sealed only once more data arrives, the rest on close as the last. */
	private static final class Encrypting extends FilterOutputStream {

		private final SecretKey key;

		private final byte[] header;

		private final byte[] buffer = new byte[SEGMENT];

		private int position;

		private long counter;

		private boolean closed;

		Encrypting(SecretKey key, byte[] header, OutputStream out) {
			super(out);
			this.key = key;
			this.header = header;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (closed) {
				throw new IOException("stream closed");
			}
			int remaining = length;
			int from = offset;
			while (remaining > 0) {
				if (position == SEGMENT) {
					seal(false);
				}
				int take = Math.min(remaining, SEGMENT - position);
				System.arraycopy(bytes, from, buffer, position, take);
				position += take;
				from += take;
				remaining -= take;
			}
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			try {
				seal(true);
				out.flush();
			}
			finally {
				Arrays.fill(buffer, (byte) 0);
				out.close();
			}
		}

		private void seal(boolean last) throws IOException {
			out.write(SegmentedGcm.seal(key, header, Cipher.ENCRYPT_MODE, counter++, last, buffer, position));
			position = 0;
		}
	}

	/** Reads one sealed segment at a time; a segment is the last when nothing follows it. */
	private static final class Decrypting extends InputStream {

		private final SecretKey key;

		private final byte[] header;

		private final PushbackInputStream in;

		private byte[] plain = new byte[0];

		private int position;

		private long counter;

		private boolean finished;

		Decrypting(SecretKey key, byte[] header, InputStream in) {
			this.key = key;
			this.header = header;
			this.in = new PushbackInputStream(in, 1);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n == -1 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (position == plain.length) {
				if (!nextSegment()) {
					return -1;
				}
			}
			int take = Math.min(length, plain.length - position);
			System.arraycopy(plain, position, bytes, offset, take);
			position += take;
			return take;
		}

		@Override
		public int available() {
			return plain.length - position;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

		private boolean nextSegment() throws IOException {
			if (finished) {
				return false;
			}
			byte[] sealed = in.readNBytes(SEGMENT + TAG_LENGTH);
			if (sealed.length < TAG_LENGTH) {
				throw new IOException("Encrypted file is truncated");
			}
			int next = in.read();
			boolean last = next == -1;
			if (!last) {
				in.unread(next);
			}
			plain = SegmentedGcm.seal(key, header, Cipher.DECRYPT_MODE, counter++, last, sealed, sealed.length);
			position = 0;
			finished = last;
			return true;
		}
	}
}
