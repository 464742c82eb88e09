package dev.rpcchat.server.store;

/**
 * The outcome of {@link ChatStore#createRoom}.
 */
public sealed interface CreateResult {

	/**
	 * The room was created.
	 *
	 * @param room the room as created
	 */
	record Created(RoomRecord room) implements CreateResult {

	}

	/**
	 * A room of that name exists, in some case.
	 *
	 * @param roomName the existing room's name, in its registered case
	 */
	record Exists(String roomName) implements CreateResult {

	}

	/**
	 * There are {@link StoreLimits#maxRooms} rooms already.
	 */
	record Full() implements CreateResult {

	}

}
