package dev.rpcchat.shell.console;

/**
 * Something the person asked for that the shell can refuse without asking the server.
 */
public class UsageException extends RuntimeException {

	private final Problem problem;

	private final String command;

	private final String word;

	private final String usage;

	public UsageException(Problem problem) {
		this(problem, "", "", "");
	}

	/**
	 * A command line that does not fit its command.
	 * @param problem what is wrong
	 * @param command the command's name
	 * @param word the word at fault, such as an unknown option
	 * @param usage how the command is written
	 */
	public UsageException(Problem problem, String command, String word, String usage) {
		super(problem.name() + (word.isEmpty() ? "" : " " + word), null, false, false);
		this.problem = problem;
		this.command = command;
		this.word = word;
		this.usage = usage;
	}

	public Problem problem() {
		return this.problem;
	}

	/**
	 * The command the line named, if the problem is about one.
	 * @return the command's name, or {@code ""}
	 */
	public String command() {
		return this.command;
	}

	/**
	 * The word at fault, as typed, if the problem is about one.
	 * @return the word, or {@code ""}
	 */
	public String word() {
		return this.word;
	}

	/**
	 * How the command is written, if the problem is about one.
	 * @return the usage line, or {@code ""}
	 */
	public String usage() {
		return this.usage;
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
		EMPTY_MESSAGE,

		/** A line with no command. */
		EMPTY_LINE,

		/** A double quote that is never closed. */
		UNCLOSED_QUOTE,

		/** An option the command does not have. */
		UNKNOWN_OPTION,

		/** An option given twice. */
		OPTION_TWICE,

		/** An option without the value it needs. */
		OPTION_NEEDS_VALUE,

		/** A switch given a value. */
		OPTION_TAKES_NO_VALUE,

		/** Words the command has no place for. */
		EXTRA_WORDS,

		/** A required argument left out. */
		MISSING_ARGUMENT,

		/** A program argument starting with {@code --} that is no setting. */
		NOT_A_SETTING

	}

}
