package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last-resort error report (e.g. for a request whose headers are too large),
 * written as JSON instead of an HTML page: a JSON-RPC -32600 with HTTP 200 for
 * {@code /rpc}, a plain JSON error with the status elsewhere; never server information.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	private static final Logger logger = LoggerFactory.getLogger(JsonErrorReportValve.class);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		boolean rpc = ErrorBodies.isRpc(requestUri(request));
		byte[] body = rpc ? ErrorBodies.rpc(status) : ErrorBodies.other(status);
		try {
			if (rpc) {
				response.setStatus(200);
			}
			// Tomcat drops a connection whose request it could not read: say so,
			// or a client would send its next request down a closed connection.
			response.setHeader("Connection", "close");
			response.setContentType("application/json");
			response.setContentLength(body.length);
			OutputStream out = response.getOutputStream();
			out.write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not write an error report", ex);
		}
	}

	private static String requestUri(Request request) {
		try {
			return request.getRequestURI();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
