package dev.rpcchat.shell.connection;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.ClientTrust;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat server as the shell sees it: every {@link ChatService} method, sent where the
 * binder says, with the session's bearer token.
 */
public class ChatConnection {

	private static final Logger logger = LoggerFactory.getLogger(ChatConnection.class);

	private final ProcedureLocator locator;

	private final JsonRpcClient client;

	private final ChatService chat;

	private volatile String token;

	ChatConnection(ProcedureLocator locator, JsonRpcClient client) {
		this.locator = locator;
		this.client = client;
		this.chat = RpcProxy.create(ChatService.class, client.mapper(), this::invoke);
	}

	/**
	 * Connects to the chat servers that the binder at the given URL knows.
	 * @param binderUrl the binder's JSON-RPC endpoint
	 * @param requestTimeout how long one call may take, not counting a long poll's wait
	 * @return a connection with no token yet
	 */
	public static ChatConnection connect(URI binderUrl, Duration requestTimeout) {
		return connect(binderUrl, requestTimeout, ClientTrust.sslContext(List.of()));
	}

	/**
	 * Connects to the chat servers that the binder at the given URL knows, over HTTPS
	 * where the binder's URL or a server's registered scheme says so.
	 * @param binderUrl the binder's JSON-RPC endpoint
	 * @param requestTimeout how long one call may take, not counting a long poll's wait
	 * @param trust what HTTPS calls trust (see {@link ClientTrust})
	 * @return a connection with no token yet
	 */
	public static ChatConnection connect(URI binderUrl, Duration requestTimeout, SSLContext trust) {
		JsonRpcClient client = new JsonRpcClient(WireJson.newObjectMapper(), requestTimeout, trust);
		return new ChatConnection(ProcedureLocator.forBinder(binderUrl, client), client);
	}

	/**
	 * The chat server's methods; calls that name a user carry the token given to
	 * {@link #useToken}.
	 * @return the chat service
	 */
	public ChatService chat() {
		return this.chat;
	}

	public void useToken(String token) {
		this.token = token;
	}

	public void forgetToken() {
		this.token = null;
	}

	public ProcedureLocator locator() {
		return this.locator;
	}

	/**
	 * The chat server that calls go to now, if a call was made.
	 * @return its endpoint
	 */
	public Optional<URI> server() {
		return this.locator.current();
	}

	/**
	 * Makes a call where the binder says; when that server stops answering, asks the
	 * binder again and makes the call once more at the server it names, if doing it twice
	 * cannot do harm (the request never got there, or the call is safe to repeat).
	 */
	private Object invoke(RpcCall call) {
		URI url = this.locator.locate(call.method());
		try {
			return this.client.call(Service.CHAT_SERVER, url, call, Optional.ofNullable(this.token));
		}
		catch (ServiceUnreachableException ex) {
			logger.debug("No answer from {} for {}, asking the binder again", url, call.method());
			if (!ex.connectFailed() && !call.safeToRepeat()) {
				relocateQuietly(call, url);
				throw ex;
			}
			URI again = this.locator.relocate(call.method(), url);
			return this.client.call(Service.CHAT_SERVER, again, call, Optional.ofNullable(this.token));
		}
	}

	/**
	 * Points the next calls past a server that failed a call that may have been done:
	 * that call's failure is what the person hears of.
	 */
	private void relocateQuietly(RpcCall call, URI failed) {
		try {
			this.locator.relocate(call.method(), failed);
		}
		catch (RuntimeException ex) {
			logger.debug("The binder could not name another server for {}: {}", call.method(), ex.getMessage());
		}
	}

}
