package dev.rpcchat.rpc.tomcat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.CharBuffer;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each Tomcat request a small char buffer for {@code getReader()} in place of
 * Tomcat's fixed 8 K chars (16 KB), which an endpoint reading bytes never fills but which
 * every request in flight, such as a waiting long poll, holds.
 *
 * <p>
 * Tomcat offers no setting for this buffer, so the valve swaps it, through reflection,
 * before the request is read; Tomcat grows it again if a reader needs more. Should a
 * Tomcat version not have the fields, the valve logs it once and leaves requests alone.
 */
final class SmallReaderBufferValve extends ValveBase {

	static final int CHAR_BUFFER_SIZE = 256;

	private static final Logger logger = LoggerFactory.getLogger(SmallReaderBufferValve.class);

	private static final Field INPUT_BUFFER = field(Request.class, "inputBuffer");

	private static final Field CHAR_BUFFER = field(InputBuffer.class, "cb");

	SmallReaderBufferValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		shrink(request);
		getNext().invoke(request, response);
	}

	private static void shrink(Request request) {
		if (INPUT_BUFFER == null || CHAR_BUFFER == null) {
			return;
		}
		try {
			Object buffer = INPUT_BUFFER.get(request);
			CharBuffer chars = (CharBuffer) CHAR_BUFFER.get(buffer);
			// untouched (limit 0) and larger than needed: recycle() keeps a smaller one
			if (chars.capacity() > CHAR_BUFFER_SIZE && chars.position() == 0 && chars.limit() == 0) {
				CharBuffer small = CharBuffer.allocate(CHAR_BUFFER_SIZE);
				small.limit(0);
				CHAR_BUFFER.set(buffer, small);
			}
		}
		catch (IllegalAccessException | RuntimeException ex) {
			logger.debug("Could not replace a request's char buffer", ex);
		}
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("Tomcat's {} has no accessible field {}: requests keep their 16 KB char buffer", type.getName(),
					name);
			return null;
		}
	}

}
