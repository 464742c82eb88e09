package dev.rpcchat.binder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The binder: a registry where servers register remote procedures and clients find them.
 */
@SpringBootApplication
public class BinderApplication {

	public static void main(String[] args) {
		SpringApplication.run(BinderApplication.class, args);
	}

}
