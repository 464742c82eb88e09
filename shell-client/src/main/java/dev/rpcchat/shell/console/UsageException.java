package dev.rpcchat.shell.console;

/**
 * Something the person asked for that the shell can refuse without asking the server.
 */
public class UsageException extends RuntimeException {

	private final Problem problem;

	private final String subject;

	public UsageException(Problem problem) {
		this(problem, "");
	}

	public UsageException(Problem problem, String subject) {
		super(problem.name() + (subject.isEmpty() ? "" : " " + subject), null, false, false);
		this.problem = problem;
		this.subject = subject;
	}

	public Problem problem() {
		return this.problem;
	}

	/**
	 * What the problem is about, such as a room name; may be empty.
	 * @return the subject
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * The problems the shell recognizes by itself.
	 */
	public enum Problem {

		/** A command that needs a user, with nobody signed in. */
		NOT_SIGNED_IN,

		/** A command that needs a room, with none given and none current. */
		NO_CURRENT_ROOM,

		/** A blank message. */
		EMPTY_MESSAGE

	}

}
