package dev.rpcchat.binder.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the browser client (the {@code web-client} module's files) at {@code /}, with
 * {@link SecurityHeadersFilter}'s headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
class WebClientConfiguration implements WebMvcConfigurer {

	/**
	 * Where the web-client jar keeps the page; no location Spring Boot serves by itself.
	 */
	static final String LOCATION = "classpath:/web-client/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Only the page's own paths, so /rpc, /actuator and unknown paths answer as
		// before.
		// no-cache: the files have no version in their names, so the browser asks again
		// (and gets 304 while nothing changed).
		registry.addResourceHandler("/index.html", "/app.css", "/favicon.svg")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache());
		registry.addResourceHandler("/js/**")
			.addResourceLocations(LOCATION + "js/")
			.setCacheControl(CacheControl.noCache());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/index.html");
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter());
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
