package dev.rpcchat.server.store.redis;

/**
 * The contract again with the calls of a Redis Cluster: a send, and a read for a token,
 * in one step per slot instead of one script.
 */
class RedisChatStoreStepwiseTests extends RedisChatStoreTests {

	@Override
	boolean oneStepCalls() {
		return false;
	}

}
