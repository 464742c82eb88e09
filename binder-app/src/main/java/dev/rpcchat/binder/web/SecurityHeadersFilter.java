package dev.rpcchat.binder.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the page's Content-Security-Policy and the usual protective headers on every
 * answer of the binder: the page, its scripts and styles, and {@code /rpc}.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

	/**
	 * Scripts, styles and images only from the binder itself (no inline script or style,
	 * no eval); HTML strings refused outright (Trusted Types with no policy, so no
	 * {@code innerHTML} can ever take data); no framing, no base URL, no form posts.
	 * <p>
	 * {@code connect-src} is {@code 'self'} (the binder's {@code /rpc}) plus the
	 * {@code ws:} and {@code wss:} schemes: the chat server the page talks to is known
	 * only at run time, from {@code lookup_procedure}, and may change while the page is
	 * open (it moves to another chat server when its own goes away, possibly one that
	 * registered after the page loaded), so a list of origins fixed when the page is
	 * served would break that failover. The page talks to chat servers over WebSockets
	 * only, never with {@code fetch}, so plain {@code http:} and {@code https:} to other
	 * origins stay blocked. What keeps injected script from running at all is
	 * {@code script-src 'self'} with Trusted Types; {@code connect-src} is the second
	 * line.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
		chain.doFilter(request, response);
	}

}
