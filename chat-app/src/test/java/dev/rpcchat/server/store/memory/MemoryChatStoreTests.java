package dev.rpcchat.server.store.memory;

import java.time.Clock;

import dev.rpcchat.server.message.BucketSendRateLimiter;
import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;

class MemoryChatStoreTests extends ChatStoreContractTests {

	@Override
	protected ChatStore createStore(int historyLimit, AppendListener listener) {
		return new MemoryChatStore(historyLimit, listener);
	}

	@Override
	protected SendRateLimiter createRateLimiter(int perSecond, int burst, Clock clock) {
		return new BucketSendRateLimiter(perSecond, burst, clock);
	}

}
