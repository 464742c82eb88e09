package dev.rpcchat.shell.console;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.jline.ExtendedDefaultParser;

/**
 * How the terminal reads a line of chat.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

	/**
	 * A lone apostrophe in a message ({@code send I'm here}) must not leave the line open
	 * for a closing quote, as Spring Shell's line parser does by default; paired quotes
	 * still group words.
	 */
	@Bean
	static BeanPostProcessor apostrophesDoNotOpenQuotes() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ExtendedDefaultParser parser) {
					parser.setEofOnUnclosedQuote(false);
				}
				return bean;
			}

		};
	}

}
