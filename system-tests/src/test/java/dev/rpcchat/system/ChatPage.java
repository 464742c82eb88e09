package dev.rpcchat.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat page in one browser, driven the way a person uses it: by typing, pressing
 * Enter and clicking what is on screen.
 */
final class ChatPage {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Browser browser;

	private final ChromeDriver driver;

	ChatPage(Browser browser) {
		this.browser = browser;
		this.driver = browser.driver();
	}

	Browser browser() {
		return this.browser;
	}

	ChatPage open(String url) {
		this.driver.get(url);
		return this;
	}

	/**
	 * Types a name and presses Enter, then waits until the chat shows.
	 * @param name the name
	 * @return this page
	 */
	ChatPage signIn(String name) {
		waitUntilConnected();
		WebElement input = byId("name-input");
		await().atMost(PATIENCE).until(input::isDisplayed);
		input.clear();
		input.sendKeys(name, Keys.ENTER);
		await().atMost(PATIENCE).until(() -> byId("chat").isDisplayed());
		return this;
	}

	ChatPage waitForSignIn() {
		await().atMost(PATIENCE).until(() -> byId("sign-in").isDisplayed());
		return this;
	}

	/** Types a name that may be refused and presses Enter. */
	void tryName(String name) {
		WebElement input = byId("name-input");
		input.clear();
		input.sendKeys(name, Keys.ENTER);
	}

	String signInError() {
		return byId("sign-in-error").getText();
	}

	void waitUntilConnected() {
		await().atMost(PATIENCE).until(() -> "online".equals(byId("status").getDomAttribute("data-state")));
	}

	/**
	 * The chat server the page is connected to.
	 * @return its port
	 */
	int serverPort() {
		String server = byId("status").getDomAttribute("data-server");
		return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
	}

	String status() {
		return byId("status").getText();
	}

	ChatPage createRoom(String room) {
		openFindRooms();
		WebElement input = byId("new-room");
		input.clear();
		input.sendKeys(room, Keys.ENTER);
		waitForRoomInView(room);
		return this;
	}

	ChatPage join(String room) {
		openFindRooms();
		byId("refresh-rooms").click();
		By button = By.cssSelector("#all-rooms button[aria-label='Join #" + room + "']");
		await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).until(() -> {
			List<WebElement> found = this.driver.findElements(button);
			if (found.isEmpty()) {
				return false;
			}
			found.get(0).click();
			return true;
		});
		waitForRoomInView(room);
		return this;
	}

	private void openFindRooms() {
		WebElement details = byId("find-rooms");
		if (details.getDomAttribute("open") == null) {
			details.findElement(By.tagName("summary")).click();
		}
	}

	/**
	 * Clicks a joined room in the room list.
	 * @param room its name
	 * @return this page
	 */
	ChatPage openRoom(String room) {
		await().atMost(PATIENCE)
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> this.driver.findElements(By.cssSelector("#joined-rooms .room-label"))
				.stream()
				.filter((label) -> label.getText().equals("#" + room))
				.findFirst()
				.map((label) -> {
					label.click();
					return true;
				})
				.orElse(false));
		waitForRoomInView(room);
		return this;
	}

	void waitForRoomInView(String room) {
		await().atMost(PATIENCE).until(() -> byId("room-title").getText().equals("#" + room));
	}

	/**
	 * The unread count the room list shows for a room.
	 * @param room a joined room
	 * @return the count, 0 when there is no mark
	 */
	int unread(String room) {
		Object count = script("""
				const link = Array.from(document.querySelectorAll('#joined-rooms .room-link'))
				  .find((l) => l.querySelector('.room-label').textContent === '#' + arguments[0]);
				if (!link) { return -1; }
				const mark = link.querySelector('.unread');
				return mark ? parseInt(mark.textContent, 10) : 0;""", room);
		if (((Number) count).intValue() < 0) {
			throw new IllegalArgumentException("Not a joined room: " + room);
		}
		return ((Number) count).intValue();
	}

	/**
	 * Types a message to everyone in the room in view and presses Enter.
	 * @param text the message
	 */
	void send(String text) {
		choose("");
		typeAndEnter(text);
	}

	/**
	 * Chooses a member as the recipient, types a message and presses Enter.
	 * @param recipient a member of the room in view
	 * @param text the message
	 */
	void sendPrivately(String recipient, String text) {
		await().atMost(PATIENCE)
			.until(() -> byId("recipient").findElements(By.cssSelector("option[value='" + recipient + "']"))
				.size() == 1);
		choose(recipient);
		typeAndEnter(text);
	}

	private void choose(String recipient) {
		// the list is rebuilt when the room's members change: choose again if it was
		await().atMost(PATIENCE)
			.ignoreException(StaleElementReferenceException.class)
			.untilAsserted(() -> new Select(byId("recipient")).selectByValue(recipient));
	}

	private void typeAndEnter(String text) {
		WebElement input = byId("composer-input");
		input.sendKeys(text);
		input.sendKeys(Keys.ENTER);
	}

	/**
	 * The messages of the room in view, as shown: {@code sender: content},
	 * {@code * content} for an announcement, {@code (private to x)} after a unicast.
	 * @return in order, as the page shows them
	 */
	List<String> messages() {
		return shown().stream().map(Shown::line).toList();
	}

	/**
	 * The messages of the room in view, with their ids.
	 * @return in order
	 */
	@SuppressWarnings("unchecked")
	List<Shown> shown() {
		List<Map<String, Object>> items = (List<Map<String, Object>>) ((JavascriptExecutor) this.driver)
			.executeScript("""
					return Array.from(document.querySelectorAll('#log > li.msg'), (li) => ({
					  id: li.dataset.id,
					  system: li.classList.contains('system'),
					  sender: li.querySelector('.sender')?.textContent ?? null,
					  recipient: li.querySelector('.recipient')?.textContent ?? null,
					  content: li.querySelector('.content')?.textContent ?? null,
					}));""");
		List<Shown> shown = new ArrayList<>();
		for (Map<String, Object> item : items) {
			shown.add(new Shown(Long.parseLong((String) item.get("id")), (Boolean) item.get("system"),
					(String) item.get("sender"), (String) item.get("recipient"), (String) item.get("content")));
		}
		return shown;
	}

	void waitForMessage(String line) {
		try {
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(messages()).contains(line));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The page never showed '" + line + "'. " + describe(), ex);
		}
	}

	/**
	 * What the page says, for a failed test's message.
	 * @return the status, notices, errors and messages in view
	 */
	String describe() {
		return "Status: " + byId("status").getText() + "; notice: " + byId("notice").getText() + "; composer: "
				+ byId("composer-hint").getText() + " " + byId("composer-error").getText() + "; room: "
				+ byId("room-title").getText() + "; messages: " + messages() + "; console: "
				+ this.browser.severeConsoleMessages();
	}

	@SuppressWarnings("unchecked")
	List<String> members() {
		return (List<String>) script(
				"return Array.from(document.querySelectorAll('#members li > bdi'), (name) => name.textContent)");
	}

	void reload() {
		this.driver.navigate().refresh();
	}

	WebElement byId(String id) {
		return this.driver.findElement(By.id(id));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * One message as the page shows it.
	 *
	 * @param id its id
	 * @param system whether it is an announcement
	 * @param sender who sent it, as shown
	 * @param recipient to whom, for a private message
	 * @param content its text, as shown
	 */
	record Shown(long id, boolean system, String sender, String recipient, String content) {

		String line() {
			if (this.system) {
				return "* " + this.content;
			}
			String line = this.sender + ": " + this.content;
			return (this.recipient != null) ? line + " (private to " + this.recipient + ")" : line;
		}

	}

}
