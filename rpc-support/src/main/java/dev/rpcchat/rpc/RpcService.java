package dev.rpcchat.rpc;

import java.util.Objects;

/**
 * A service exposed at {@code POST /rpc}: the contract interface that names its methods,
 * and the bean that implements it. An application declares exactly one as a bean.
 *
 * @param contract the interface carrying the {@code @JsonRpcMethod} names
 * @param implementation the object the calls are dispatched to
 */
public record RpcService(Class<?> contract, Object implementation) {

	public RpcService {
		Objects.requireNonNull(contract, "contract");
		Objects.requireNonNull(implementation, "implementation");
		if (!contract.isInterface() || !contract.isInstance(implementation)) {
			throw new IllegalArgumentException("implementation must implement the contract interface " + contract);
		}
	}

}
