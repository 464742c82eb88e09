// The page's DOM. Everything that came from a server is put in with textContent or Text nodes (text.js), never as
// markup; the page's Content-Security-Policy (Trusted Types, no inline script) would refuse an HTML string anyway.

import { plain, textElement } from './text.js';

const $ = (id) => document.getElementById(id);

const NEAR_EDGE_PX = 80;
const SMALL_SCREEN = window.matchMedia('(max-width: 640px)');

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const child of children) {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function timeOf(value) {
  const date = new Date(typeof value === 'string' ? value : NaN);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const time = element('time', 'time', timeFormat.format(date));
  time.dateTime = date.toISOString();
  time.title = dateTimeFormat.format(date);
  return time;
}

function sameName(a, b) {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

export class View {
  constructor() {
    this.client = null;
    this.noticeTimer = null;
    this.renderedRoom = null;
  }

  /** Wires the page's controls to the client. */
  bind(client) {
    this.client = client;
    $('sign-in-form').addEventListener('submit', (event) => this.onSignIn(event));
    $('sign-out').addEventListener('click', () => client.signOut());
    $('create-room-form').addEventListener('submit', (event) => this.onCreateRoom(event));
    $('refresh-rooms').addEventListener('click', () => client.refreshRoomList());
    $('leave-room').addEventListener('click', () => this.onLeave());
    $('composer').addEventListener('submit', (event) => this.onSend(event));
    $('composer-input').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey
        && !event.isComposing) {
        event.preventDefault();
        $('composer').requestSubmit();
      }
    });
    $('older').addEventListener('click', () => this.loadOlder());
    $('log-scroller').addEventListener('scroll', () => {
      if ($('log-scroller').scrollTop < NEAR_EDGE_PX) {
        this.loadOlder();
      }
    }, { passive: true });
    if (SMALL_SCREEN.matches) {
      $('members-panel').open = false;
    }
  }

  // ---- connection and session ----------------------------------------------------------------------------------

  status(state, sentence, where) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = sentence;
    if (where) {
      status.dataset.server = where;
      status.title = 'Chat server ' + where;
    }
    $('composer').classList.toggle('offline', state !== 'online');
  }

  showSignIn() {
    $('chat').hidden = true;
    $('me').hidden = true;
    $('sign-in').hidden = false;
    $('name-input').focus();
  }

  signedIn(username) {
    $('me-name').replaceChildren(textElement('bdi', username));
    $('me').hidden = false;
    $('sign-in').hidden = true;
    $('chat').hidden = false;
    $('sign-in-error').textContent = '';
    if (!this.client.currentRoom) {
      this.roomOpened(null);
      $('new-room').focus();
    }
  }

  signedOut(sentence) {
    this.renderedRoom = null;
    $('log').replaceChildren();
    $('joined-rooms').replaceChildren();
    this.showSignIn();
    $('sign-in-error').textContent = sentence ?? '';
  }

  async onSignIn(event) {
    event.preventDefault();
    const input = $('name-input');
    const button = event.submitter ?? $('sign-in-form').querySelector('button');
    button.disabled = true;
    try {
      const problem = await this.client.signIn(input.value.trim());
      $('sign-in-error').textContent = problem ?? '';
      if (problem) {
        input.focus();
        input.select();
      }
    }
    finally {
      button.disabled = false;
    }
  }

  notice(sentence) {
    const notice = $('notice');
    notice.textContent = sentence;
    notice.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { notice.hidden = true; }, 10000);
  }

  // ---- rooms ---------------------------------------------------------------------------------------------------

  roomsChanged() {
    const client = this.client;
    const items = Array.from(client.rooms.values(), (room) => {
      const button = element('button', 'room-link', element('span', 'room-label', '#', textElement('bdi', room.name)));
      button.type = 'button';
      if (room.key === client.current) {
        button.setAttribute('aria-current', 'true');
      }
      if (room.unread > 0 && room.key !== client.current) {
        const count = room.unread > 99 ? '99+' : String(room.unread);
        button.append(element('span', 'unread', count, element('span', 'visually-hidden', ' unread')));
        button.classList.add('has-unread');
      }
      button.addEventListener('click', () => {
        client.openRoom(room.key);
        $('composer-input').focus();
      });
      return element('li', null, button);
    });
    $('joined-rooms').replaceChildren(...items);
    $('no-rooms').hidden = items.length > 0;
    this.allRooms(this.lastRoomNames ?? []);
  }

  allRooms(names) {
    this.lastRoomNames = names;
    const client = this.client;
    const items = names.map((name) => {
      const joined = client.rooms.has(name.toLowerCase());
      const button = element('button', 'quiet', joined ? 'Open' : 'Join');
      button.type = 'button';
      button.setAttribute('aria-label', (joined ? 'Open #' : 'Join #') + plain(name));
      button.addEventListener('click', () => this.onJoin(name));
      return element('li', 'room-row', element('span', 'room-name', '#', textElement('bdi', name)), button);
    });
    if (items.length === 0) {
      items.push(element('li', 'hint', 'No rooms yet: create the first one.'));
    }
    $('all-rooms').replaceChildren(...items);
  }

  async onJoin(name) {
    const problem = await this.client.joinRoom(name);
    if (problem) {
      this.notice(problem);
    }
    else {
      $('composer-input').focus();
    }
  }

  async onCreateRoom(event) {
    event.preventDefault();
    const input = $('new-room');
    const problem = await this.client.createRoom(input.value.trim());
    $('create-room-error').textContent = problem ?? '';
    if (problem) {
      input.focus();
    }
    else {
      input.value = '';
      this.client.refreshRoomList();
      $('composer-input').focus();
    }
  }

  async onLeave() {
    const room = this.client.currentRoom;
    if (!room) {
      return;
    }
    const problem = await this.client.leaveRoom(room.key);
    if (problem) {
      this.notice(problem);
    }
    else {
      this.notice('You left #' + plain(room.name) + '.');
      this.client.refreshRoomList();
      const first = $('joined-rooms').querySelector('button') ?? $('new-room');
      first.focus();
    }
  }

  roomOpened(room) {
    const log = $('log');
    this.renderedRoom = room;
    $('leave-room').hidden = !room;
    $('composer').hidden = !room;
    $('members-panel').hidden = !room;
    $('history-note').hidden = true;
    if (!room) {
      $('room-title').textContent = this.client.signedIn ? 'No room open' : '';
      log.replaceChildren();
      $('older').hidden = true;
      return;
    }
    $('room-title').replaceChildren('#', textElement('bdi', room.name));
    if (SMALL_SCREEN.matches) {
      // on a phone the room's messages need the room: the list of all rooms folds away
      $('find-rooms').open = false;
    }
    log.setAttribute('aria-busy', 'true');
    log.replaceChildren(...room.messages.map((message) => this.messageItem(message)));
    log.removeAttribute('aria-busy');
    $('older').hidden = !room.hasMore;
    this.membersChanged(room);
    this.scrollToEnd();
    this.outboxChanged(this.client.outbox.length, this.client.online);
  }

  // ---- messages ------------------------------------------------------------------------------------------------

  messageItem(message) {
    const me = this.client.username;
    const item = element('li', 'msg');
    item.dataset.id = String(message.id);
    const time = timeOf(message.timestamp);
    if (message.type === 'system') {
      item.classList.add('system');
      if (time) {
        item.append(time, ' ');
      }
      item.append(textElement('span', message.content, 'content'));
      return item;
    }
    const meta = element('div', 'meta');
    if (time) {
      meta.append(time, ' ');
    }
    meta.append(textElement('bdi', message.sender, 'sender'));
    if (sameName(message.sender, me)) {
      item.classList.add('mine');
    }
    if (message.type === 'unicast') {
      item.classList.add('private');
      meta.append(' to ', textElement('bdi', message.recipient, 'recipient'), ' ', element('span', 'tag', 'private'));
    }
    item.append(meta, textElement('div', message.content, 'content'));
    return item;
  }

  messagesAdded(room, messages) {
    if (room !== this.renderedRoom) {
      return;
    }
    const scroller = $('log-scroller');
    const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_EDGE_PX;
    const log = $('log');
    for (const message of messages) {
      log.append(this.messageItem(message));
    }
    // The client keeps a bounded number of messages per room: so does the page.
    while (log.children.length > room.messages.length && log.firstElementChild) {
      log.firstElementChild.remove();
    }
    if (log.children.length > 0 && room.hasMore) {
      $('older').hidden = false;
    }
    if (atEnd || messages.some((m) => sameName(m.sender, this.client.username))) {
      this.scrollToEnd();
    }
  }

  messagesPrepended(room, messages) {
    if (room !== this.renderedRoom) {
      return;
    }
    const scroller = $('log-scroller');
    const before = scroller.scrollHeight;
    const log = $('log');
    log.setAttribute('aria-busy', 'true');
    log.replaceChildren(...room.messages.map((message) => this.messageItem(message)));
    log.removeAttribute('aria-busy');
    scroller.scrollTop += scroller.scrollHeight - before;
    $('older').hidden = !room.hasMore;
    if (!room.hasMore) {
      const note = $('history-note');
      note.textContent = 'This is the beginning of what the chat server keeps of this room.';
      note.hidden = false;
    }
  }

  historyUnavailable(room) {
    if (room !== this.renderedRoom) {
      return;
    }
    $('older').hidden = true;
    const note = $('history-note');
    note.textContent = 'This chat server does not page through older messages: the page shows the last ones.';
    note.hidden = false;
  }

  loadOlder() {
    const room = this.client.currentRoom;
    if (room && room.hasMore) {
      this.client.loadOlder(room.key);
    }
  }

  scrollToEnd() {
    const scroller = $('log-scroller');
    scroller.scrollTop = scroller.scrollHeight;
  }

  // ---- members and sending -------------------------------------------------------------------------------------

  membersChanged(room) {
    if (room !== this.renderedRoom) {
      return;
    }
    const me = this.client.username;
    const users = [...room.users].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    $('members-title').textContent = 'In this room (' + users.length + ')';
    $('members').replaceChildren(...users.map((user) => {
      const item = element('li', 'member', textElement('bdi', user));
      if (sameName(user, me)) {
        item.append(' ', element('span', 'hint', '(you)'));
      }
      else {
        const button = element('button', 'quiet small', 'Private');
        button.type = 'button';
        button.setAttribute('aria-label', 'Send a private message to ' + plain(user));
        button.addEventListener('click', () => {
          $('recipient').value = user;
          $('composer-input').focus();
        });
        item.append(' ', button);
      }
      return item;
    }));
    const select = $('recipient');
    const chosen = select.value;
    const others = users.filter((u) => !sameName(u, me));
    // the same people: leave the list alone, so that one open in the person's hand does not change under them
    if (select.dataset.members === JSON.stringify(others)) {
      return;
    }
    select.dataset.members = JSON.stringify(others);
    const options = [element('option', null, 'Everyone in the room')];
    options[0].value = '';
    for (const user of others) {
      const option = element('option', null, plain(user));
      option.value = user;
      options.push(option);
    }
    select.replaceChildren(...options);
    select.value = users.includes(chosen) ? chosen : '';
  }

  onSend(event) {
    event.preventDefault();
    const input = $('composer-input');
    const text = input.value;
    if (text.trim() === '') {
      return;
    }
    $('composer-error').textContent = '';
    this.client.send(text, $('recipient').value);
    input.value = '';
    input.focus();
  }

  outboxChanged(count, online) {
    const hint = $('composer-hint');
    if (count === 0) {
      hint.textContent = 'Enter sends; Shift+Enter starts a new line.';
    }
    else if (online) {
      hint.textContent = 'Sending…';
    }
    else {
      hint.textContent = (count === 1 ? 'One message waits' : count + ' messages wait')
        + ' to be sent when the chat server is back.';
    }
  }

  sendFailed(sentence, item) {
    $('composer-error').textContent = sentence;
    const input = $('composer-input');
    if (input.value === '' && this.client.currentRoom?.name === item.room) {
      input.value = item.text;
    }
  }
}
