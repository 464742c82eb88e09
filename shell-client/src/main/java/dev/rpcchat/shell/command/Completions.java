package dev.rpcchat.shell.command;

import java.util.List;
import java.util.function.Supplier;

import dev.rpcchat.shell.console.TerminalText;
import dev.rpcchat.shell.session.ChatSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab completion of room and user names, asked of the chat server as the person types.
 */
@Configuration(proxyBeanMethods = false)
class Completions {

	static final String ROOMS = "roomNames";

	static final String JOINED_ROOMS = "joinedRoomNames";

	static final String SEND = "sendCompletions";

	private static final Logger logger = LoggerFactory.getLogger(Completions.class);

	@Bean
	CommandCompleter commandCompleter(CommandRegistry registry) {
		return new ArgumentCompleter(registry);
	}

	@Bean(ROOMS)
	CompletionProvider roomNames(ChatSession session) {
		return (context) -> proposals(() -> session.chat().listRooms());
	}

	@Bean(JOINED_ROOMS)
	CompletionProvider joinedRoomNames(ChatSession session) {
		return (context) -> proposals(session::joinedRooms);
	}

	@Bean(SEND)
	CompletionProvider sendCompletions(ChatSession session) {
		return (context) -> switch (optionName(context)) {
			case "to" -> proposals(() -> session.chat().listUsers(session.room(null)));
			case "room" -> proposals(session::joinedRooms);
			default -> List.of();
		};
	}

	private static String optionName(CompletionContext context) {
		CommandOption option = context.getCommandOption();
		return (option != null && option.longName() != null) ? option.longName() : "";
	}

	/**
	 * Names a person could type: a name with a control character in it (from a server
	 * that should have refused it) is not offered, so it never reaches the line.
	 */
	private static boolean typeable(String name) {
		return name.chars().noneMatch((c) -> TerminalText.isUnsafe((char) c));
	}

	private static List<CompletionProposal> proposals(Supplier<List<String>> names) {
		try {
			return names.get().stream().filter(Completions::typeable).map(CompletionProposal::new).toList();
		}
		catch (RuntimeException ex) {
			logger.debug("No completions: {}", ex.getMessage());
			return List.of();
		}
	}

}
