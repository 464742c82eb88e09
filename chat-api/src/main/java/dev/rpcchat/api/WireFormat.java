package dev.rpcchat.api;

/**
 * Formats shared by every record that crosses the wire.
 */
public final class WireFormat {

	/**
	 * UTC ISO-8601 with milliseconds, as in {@code 2026-11-22T14:03:07.123Z}.
	 */
	public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

	/**
	 * The time zone timestamps are written in.
	 */
	public static final String TIMESTAMP_ZONE = "UTC";

	private WireFormat() {
	}

}
