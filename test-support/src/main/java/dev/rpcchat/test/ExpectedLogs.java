package dev.rpcchat.test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Keeps what given loggers log during a test, which provokes it on purpose, off the
 * console and lets the test assert it: a green build reads green.
 */
public final class ExpectedLogs implements AutoCloseable {

	private final List<Logger> loggers;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private ExpectedLogs(List<Logger> loggers) {
		this.loggers = loggers;
		this.appender.start();
		for (Logger logger : loggers) {
			logger.setAdditive(false);
			logger.addAppender(this.appender);
		}
	}

	/**
	 * Starts keeping what the loggers of the given classes log.
	 * @param types the classes whose loggers log the expected failures
	 * @return the logs, to close when the test is done
	 */
	public static ExpectedLogs of(Class<?>... types) {
		List<String> names = new ArrayList<>();
		for (Class<?> type : types) {
			names.add(type.getName());
		}
		return named(names.toArray(String[]::new));
	}

	/**
	 * Starts keeping what the loggers of the given names log.
	 * @param names the loggers' names
	 * @return the logs, to close when the test is done
	 */
	public static ExpectedLogs named(String... names) {
		List<Logger> loggers = new ArrayList<>();
		for (String name : names) {
			loggers.add((Logger) LoggerFactory.getLogger(name));
		}
		return new ExpectedLogs(loggers);
	}

	/**
	 * What was logged: each event's level, message and exception (class, message and the
	 * first lines of its trace), one after the other.
	 * @return the text
	 */
	public String text() {
		return this.appender.list.stream().map(ExpectedLogs::describe).collect(Collectors.joining("\n"));
	}

	private static String describe(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			text.append("\n").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
			for (var frame : thrown.getStackTraceElementProxyArray()) {
				text.append("\n\tat ").append(frame.getStackTraceElement());
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		for (Logger logger : this.loggers) {
			logger.detachAppender(this.appender);
			logger.setAdditive(true);
		}
		this.appender.stop();
	}

}
