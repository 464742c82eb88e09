package dev.rpcchat.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a contract method that is safe to call again when the outcome of a call is
 * unknown (the server died before it answered): calling it twice has the effect of
 * calling it once. A client may then make the call again at another server.
 * <p>
 * Some methods are safe to repeat only when the caller gives a parameter that makes them
 * so, such as the {@code client_msg_id} of a send (the server stores the message once):
 * {@link #whenGiven()} names it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

	/**
	 * The wire name of the parameter that makes the call safe to repeat, or {@code ""}
	 * when it always is.
	 * @return the parameter's wire name
	 */
	String whenGiven() default "";

}
