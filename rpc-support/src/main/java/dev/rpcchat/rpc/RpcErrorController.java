package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
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
		if (status instanceof Integer code && code >= 400) {
			return code;
		}
		return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}

}
