package dev.rpcchat.rpc;

import java.util.List;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;
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
	String whoami();

	@JsonRpcMethod("find_room")
	boolean findRoom(@JsonRpcParam("room_name") String roomName);

	@JsonRpcMethod("explode")
	boolean explode();

	@JsonRpcMethod("wait_for")
	int waitFor(@JsonRpcParam("wait_seconds") @JsonRpcOptional Integer waitSeconds);

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

}
