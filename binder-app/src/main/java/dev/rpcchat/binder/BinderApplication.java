package dev.rpcchat.binder;

import java.time.Clock;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.rpc.RpcService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The binder: a registry where servers register remote procedures and clients find them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BinderApplication {

	public static void main(String[] args) {
		SpringApplication.run(BinderApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	RpcService binderRpcService(DefaultBinderService binderService) {
		return new RpcService(BinderService.class, binderService);
	}

}
