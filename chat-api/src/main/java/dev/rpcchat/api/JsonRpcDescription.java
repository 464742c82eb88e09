package dev.rpcchat.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says what a JSON-RPC method does, for {@code rpc.discover}: its first sentence is the
 * method's summary, the whole text its description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcDescription {

	/**
	 * What the method does.
	 * @return one or more sentences, the first of which stands on its own
	 */
	String value();

}
