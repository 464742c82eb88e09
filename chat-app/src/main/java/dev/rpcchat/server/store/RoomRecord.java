package dev.rpcchat.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A room as created.
 *
 * @param name the name, in the case it was created with
 * @param createdAt when it was created
 */
public record RoomRecord(String name, Instant createdAt) {

	public RoomRecord {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
