// Turns text received from a server into DOM nodes, never into markup: every piece ends up in a Text node
// (textContent), and characters that could hide or reorder what a reader sees are shown as visible marks.
// A client must not trust the server it talks to: a message from an older server, or a name another client chose,
// gets the same treatment.

// C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and isolates, and any
// unpaired surrogate (a JavaScript string can hold one; it would render as nothing or as garbage).
// With the u flag a well-formed pair is one code point, so [\uD800-\uDFFF] matches only an unpaired half.
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;

/**
 * Names a suspect character as the page shows it.
 * @param {string} ch one UTF-16 code unit
 * @returns {string} such as "U+001B"
 */
export function codeOf(ch) {
  return 'U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Appends text to an element as Text nodes, with each suspect character replaced by a visible mark.
 * @param {Element} parent where the text goes
 * @param {unknown} value what the server sent; anything but a string is shown as an empty string
 */
export function appendText(parent, value) {
  const text = (typeof value === 'string') ? value : '';
  let last = 0;
  for (const match of text.matchAll(SUSPECT)) {
    if (match.index > last) {
      parent.append(document.createTextNode(text.slice(last, match.index)));
    }
    const mark = document.createElement('span');
    mark.className = 'ctl';
    mark.textContent = codeOf(match[0]);
    mark.title = 'An invisible control character (' + codeOf(match[0]) + ') that the page shows instead of obeying';
    parent.append(mark);
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    parent.append(document.createTextNode(text.slice(last)));
  }
}

/**
 * Makes an element holding safe text, isolated from the text around it (a right-to-left name cannot reorder the
 * line it sits in).
 * @param {string} tag such as "bdi" or "div"
 * @param {unknown} value the text
 * @param {string} [className]
 * @returns {HTMLElement}
 */
export function textElement(tag, value, className) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  element.dir = 'auto';
  appendText(element, value);
  return element;
}

/**
 * The text as one line for places that only take a plain string (a title, an option, a status sentence), with the
 * same characters replaced by their names.
 * @param {unknown} value
 * @returns {string}
 */
export function plain(value) {
  const text = (typeof value === 'string') ? value : '';
  return text.replace(SUSPECT, (ch) => '[' + codeOf(ch) + ']').replace(/[\n\t]/g, ' ');
}
