package dev.rpcchat.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the application errors a JSON-RPC method may answer with, for
 * {@code rpc.discover}; the protocol's own (-32700 to -32603) apply to every method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonRpcErrors {

	/**
	 * The errors, in the order their checks run.
	 * @return the error codes; empty for a method that never fails on its own
	 */
	ErrorCode[] value();

}
