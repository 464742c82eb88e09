package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error dispatches (unknown paths, failures outside the
 * endpoint) with plain JSON instead of Spring Boot's error attributes: a JSON-RPC error
 * with HTTP 200 for {@code /rpc}, a one-member {@code {"error": ...}} object with the
 * status for anything else.
 */
@Controller
final class RpcErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = status(request);
		boolean rpc = ErrorBodies.isRpc((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (rpc && status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
			// a method Tomcat refuses itself, such as TRACE: the same answer as for GET
			response.setStatus(status);
			response.setHeader(HttpHeaders.ALLOW, "POST");
			return;
		}
		byte[] body = rpc ? ErrorBodies.rpc(status) : ErrorBodies.other(status);
		response.setStatus(rpc ? HttpServletResponse.SC_OK : status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(body);
		}
	}

	private static int status(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status == null) {
			// not an error dispatch: a client asked for /error itself, which serves
			// nothing
			return HttpServletResponse.SC_NOT_FOUND;
		}
		if (status instanceof Integer code && code >= 400) {
			return code;
		}
		return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}

}
