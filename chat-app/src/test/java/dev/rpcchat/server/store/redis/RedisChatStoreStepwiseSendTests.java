package dev.rpcchat.server.store.redis;

/**
 * The contract again with the sends of a Redis Cluster: one step per slot instead of one
 * script.
 */
class RedisChatStoreStepwiseSendTests extends RedisChatStoreTests {

	@Override
	boolean oneStepSends() {
		return false;
	}

}
