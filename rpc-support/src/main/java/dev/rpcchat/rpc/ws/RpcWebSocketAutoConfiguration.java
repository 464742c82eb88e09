package dev.rpcchat.rpc.ws;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import dev.rpcchat.rpc.RpcAutoConfiguration;
import dev.rpcchat.rpc.RpcConnectionListener;
import dev.rpcchat.rpc.RpcDispatcher;

/**
 * JSON-RPC over WebSocket at {@code /rpc} (the upgrade of the path that takes
 * {@code POST /rpc}), and CORS on {@code POST /rpc}, for an application that declares
 * {@link RpcWebSocketSettings} and has spring-websocket on its class path.
 */
@AutoConfiguration(after = RpcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ WebSocketHandler.class, WsSci.class })
@ConditionalOnBean({ RpcWebSocketSettings.class, RpcDispatcher.class })
public class RpcWebSocketAutoConfiguration {

	static final String PATH = "/rpc";

	/**
	 * The chars Tomcat buffers per socket for an incoming text message (it allocates the
	 * buffer with the socket): larger messages come in parts, assembled by the handler.
	 */
	static final int TEXT_BUFFER_CHARS = 512;

	/**
	 * The bytes Tomcat buffers per socket for an incoming binary message, refused anyway.
	 */
	static final int BINARY_BUFFER_BYTES = 128;

	@Bean
	RpcWebSocketHandler rpcWebSocketHandler(RpcDispatcher dispatcher, RpcWebSocketSettings settings,
			ObjectProvider<RpcConnectionListener> listeners, ObjectProvider<MeterRegistry> meterRegistry) {
		return new RpcWebSocketHandler(dispatcher, settings, listeners.orderedStream().toList(),
				meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	WebSocketHandlerMapping rpcWebSocketHandlerMapping(RpcWebSocketHandler rpcWebSocketHandler,
			RpcWebSocketSettings settings) {
		WebSocketHttpRequestHandler upgrade = new WebSocketHttpRequestHandler(rpcWebSocketHandler,
				new DefaultHandshakeHandler());
		OriginHandshakeInterceptor origins = new OriginHandshakeInterceptor();
		origins.setAllowedOriginPatterns(settings.allowedOrigins());
		upgrade.setHandshakeInterceptors(List.of(origins));
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(PATH, upgrade, PATH + "/", upgrade));
		// Only upgrades: every other request to /rpc goes on to the POST endpoint.
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return mapping;
	}

	@Bean
	static ServletServerContainerFactoryBean rpcWebSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
		container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
		return container;
	}

	@Bean
	TomcatWebSocketSupport rpcTomcatWebSocketSupport() {
		return new TomcatWebSocketSupport();
	}

	@Bean
	FilterRegistrationBean<CorsFilter> rpcCorsFilter(RpcWebSocketSettings settings) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(settings.allowedOrigins());
		// GET is the WebSocket upgrade, whose origin the handshake checks itself.
		cors.setAllowedMethods(List.of("POST", "GET"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(PATH, cors);
		source.registerCorsConfiguration(PATH + "/", cors);
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
		registration.addUrlPatterns(PATH, PATH + "/");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
