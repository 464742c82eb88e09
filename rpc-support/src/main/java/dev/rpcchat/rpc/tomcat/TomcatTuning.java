package dev.rpcchat.rpc.tomcat;

import dev.rpcchat.rpc.RpcProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Tomcat's tuning for JSON-RPC, in one place: the buffer sizes of
 * {@link TomcatCompactBuffers} here, the web defaults of {@link TomcatDefaults} before
 * the context starts; each switched by {@code rpc.tomcat.*}.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatTuning {

	@Bean
	TomcatCompactBuffers rpcTomcatCompactBuffers(RpcProperties properties) {
		return new TomcatCompactBuffers(properties.tomcat());
	}

}
