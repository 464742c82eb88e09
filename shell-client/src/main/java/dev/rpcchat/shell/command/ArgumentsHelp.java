package dev.rpcchat.shell.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the words of an {@code @Arguments} parameter are, for {@code help}: Spring Shell's
 * {@code @Argument} has a description, its {@code @Arguments} has none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface ArgumentsHelp {

	/**
	 * What the words are.
	 * @return one phrase
	 */
	String value();

}
