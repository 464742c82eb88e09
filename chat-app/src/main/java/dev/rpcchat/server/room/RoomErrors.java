package dev.rpcchat.server.room;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;

/**
 * The errors about a room that several features answer, worded once.
 */
public final class RoomErrors {

	private RoomErrors() {
	}

	/**
	 * The error of a call naming a room that does not exist.
	 * @param roomName the room as the call named it
	 * @return the error, {@link ErrorCode#ROOM_NOT_FOUND}
	 */
	public static ChatException roomNotFound(String roomName) {
		return new ChatException(ErrorCode.ROOM_NOT_FOUND, "There is no room " + roomName + ".");
	}

	/**
	 * The error of a call that needs the caller in a room it is not in.
	 * @param roomName the room as the call named it
	 * @return the error, {@link ErrorCode#NOT_IN_ROOM}
	 */
	public static ChatException notInRoom(String roomName) {
		return new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in room " + roomName + ".");
	}

}
