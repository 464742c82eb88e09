package dev.rpcchat.server.store.memory;

import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;
import dev.rpcchat.server.store.StoreLimits;

class MemoryChatStoreTests extends ChatStoreContractTests {

	@Override
	protected ChatStore createStore(StoreLimits limits, AppendListener listener) {
		return new MemoryChatStore(limits, listener);
	}

}
