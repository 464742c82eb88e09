package dev.rpcchat.server.store.memory;

import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;

class MemoryChatStoreTests extends ChatStoreContractTests {

	@Override
	protected ChatStore createStore(int historyLimit, AppendListener listener) {
		return new MemoryChatStore(historyLimit, listener);
	}

}
