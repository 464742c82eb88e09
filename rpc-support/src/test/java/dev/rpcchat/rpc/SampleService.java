package dev.rpcchat.rpc;

import java.util.List;
import java.util.Map;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.JsonRpcDescription;
import dev.rpcchat.api.JsonRpcErrors;
import dev.rpcchat.api.JsonRpcNullable;
import dev.rpcchat.api.JsonRpcOptional;
import dev.rpcchat.api.MessageType;

/**
 * The test application's contract: the JSON-RPC 2.0 specification's example methods, and
 * a few more for the layer's own rules.
 */
public interface SampleService {

	@JsonRpcMethod("subtract")
	int subtract(@JsonRpcParam("minuend") int minuend, @JsonRpcParam("subtrahend") int subtrahend);

	@JsonRpcMethod("sum")
	int sum(@JsonRpcParam("a") int a, @JsonRpcParam("b") int b, @JsonRpcParam("c") @JsonRpcOptional Integer c);

	@JsonRpcMethod("update")
	void update(@JsonRpcParam("a") int a, @JsonRpcParam("b") int b, @JsonRpcParam("c") int c, @JsonRpcParam("d") int d,
			@JsonRpcParam("e") int e);

	@JsonRpcMethod("notify_hello")
	void notifyHello(@JsonRpcParam("value") int value);

	@JsonRpcMethod("notify_sum")
	void notifySum(@JsonRpcParam("a") int a, @JsonRpcParam("b") int b, @JsonRpcParam("c") int c);

	@JsonRpcMethod("get_data")
	List<Object> getData();

	@JsonRpcMethod("whoami")
	@JsonRpcNullable
	String whoami();

	@JsonRpcMethod("find_room")
	@JsonRpcDescription("Finds a room. There never is one: it answers 1004.")
	@JsonRpcErrors({ ErrorCode.INVALID_NAME, ErrorCode.ROOM_NOT_FOUND })
	boolean findRoom(@JsonRpcParam("room_name") String roomName);

	@JsonRpcMethod("explode")
	boolean explode();

	/**
	 * A long poll with nothing to wait for: waits until {@code wait_seconds} after its
	 * request was read.
	 * @param waitSeconds 0 to 30
	 * @return the milliseconds it waited
	 */
	@JsonRpcMethod("wait_for")
	int waitFor(@JsonRpcParam("wait_seconds") @JsonRpcOptional Integer waitSeconds);

	/**
	 * Keeps a text and its tags: a call with an effect.
	 * @param text any text
	 * @param tags more texts, nested
	 * @return how many texts are kept
	 */
	@JsonRpcMethod("remember")
	int remember(@JsonRpcParam("text") String text,
			@JsonRpcParam("tags") @JsonRpcOptional Map<String, List<String>> tags);

	/**
	 * A text of the given length, to make answers of a chosen size.
	 * @param length its length
	 * @return that many {@code x}
	 */
	@JsonRpcMethod("text")
	String text(@JsonRpcParam("length") int length);

	@JsonRpcMethod("register_procedure")
	boolean registerProcedure(@JsonRpcParam("procedure_name") String procedureName,
			@JsonRpcParam("address") String address, @JsonRpcParam("port") int port,
			@JsonRpcParam("ttl_seconds") @JsonRpcOptional Integer ttlSeconds);

	@JsonRpcMethod("typed")
	String typed(@JsonRpcParam("after_id") @JsonRpcOptional Long afterId,
			@JsonRpcParam("flag") @JsonRpcOptional Boolean flag, @JsonRpcParam("ratio") @JsonRpcOptional Double ratio,
			@JsonRpcParam("tags") @JsonRpcOptional List<String> tags,
			@JsonRpcParam("type") @JsonRpcOptional MessageType type);

	@JsonRpcMethod("on_virtual_thread")
	boolean onVirtualThread();

	@JsonRpcMethod("unwritable")
	Object unwritable();

	@JsonRpcMethod("noop")
	boolean noop();

	@JsonRpcMethod("caller")
	List<Object> caller();

	@JsonRpcMethod("slow")
	int slow(@JsonRpcParam("millis") int millis);

	@JsonRpcMethod("bind")
	boolean bind(@JsonRpcParam("token") String token);

	@JsonRpcMethod("unbind")
	boolean unbind(@JsonRpcParam("token") String token);

	@JsonRpcMethod("flood")
	int flood(@JsonRpcParam("count") int count, @JsonRpcParam("size") int size);

	/**
	 * Answers later ({@code RpcCaller.answerLater}), from another thread, some time after
	 * the call.
	 * @param millis how long after the call
	 * @param outcome {@code "value"} (the default): whether the thread that ran the call
	 * had ended by then; {@code "room_not_found"}: error 1004; {@code "failure"}: an
	 * unexpected exception; {@code "thrown"}: the method throws 1004 after handing over a
	 * later answer
	 * @return whether the call's thread was free
	 */
	@JsonRpcMethod("later")
	@JsonRpcErrors({ ErrorCode.INVALID_NAME, ErrorCode.ROOM_NOT_FOUND })
	boolean later(@JsonRpcParam("millis") int millis, @JsonRpcParam("outcome") @JsonRpcOptional String outcome);

}
