// The page's chat client: finds a chat server through the binder, keeps one WebSocket to it, and keeps the state the
// view shows (who I am, my rooms, their members and messages). It knows nothing of the DOM: it tells the view what
// changed through the methods of the view object it is given.

import { ConnectionError, RpcError, RpcSocket, httpCall } from './jsonrpc.js';
import { sentenceFor } from './errors.js';
import { SessionStore } from './session.js';

const HISTORY_PAGE = 50;
// what the page holds per room in memory; sessionStorage keeps fewer (session.js), older ones come from get_history
const KEPT_PER_ROOM = 1000;
const MAX_BACKOFF_MS = 15000;
const ROOM_LIST_EVERY_MS = 30000;

/** One joined room as the page holds it. */
export class Room {
  constructor(name) {
    this.name = name;
    this.users = [];
    this.messages = [];
    this.ids = new Set();
    this.lastId = 0;
    this.unread = 0;
    this.hasMore = true;
    this.loadingOlder = false;
    this.leaving = false;
  }

  /** The key rooms are found by: names are case-insensitive on the wire. */
  static keyOf(name) {
    return String(name).toLowerCase();
  }

  get key() {
    return Room.keyOf(this.name);
  }

  get oldestId() {
    return this.messages.length > 0 ? this.messages[0].id : this.lastId + 1;
  }

  /**
   * Adds messages it does not hold yet, keeping them in id order.
   * @returns {Array<object>} the ones added
   */
  add(messages) {
    const added = messages.filter((message) => !this.ids.has(message.id));
    if (added.length === 0) {
      return added;
    }
    for (const message of added) {
      this.ids.add(message.id);
    }
    this.messages = this.messages.concat(added).sort((a, b) => a.id - b.id);
    return added;
  }

  /** Forgets the oldest messages past what the page keeps in memory and in sessionStorage. */
  trim(keep = KEPT_PER_ROOM) {
    if (this.messages.length > keep) {
      for (const message of this.messages.slice(0, this.messages.length - keep)) {
        this.ids.delete(message.id);
      }
      this.messages = this.messages.slice(this.messages.length - keep);
      this.hasMore = true;
    }
  }
}

/** A message as the page accepts it from a server: anything else is dropped, never shown half-read. */
export function isMessage(value) {
  return value !== null && typeof value === 'object' && Number.isSafeInteger(value.id) && value.id > 0
    && typeof value.room_name === 'string' && typeof value.type === 'string';
}

/**
 * Where the page's WebSocket goes for a provider the binder named.
 * @param {{address: unknown, port: unknown, scheme: unknown}} location lookup_procedure's answer
 * @returns {string} such as "ws://127.0.0.1:36877/rpc"
 * @throws {Error} when the answer is not an address the page can use
 */
export function socketUrl(location) {
  const address = String(location?.address ?? '');
  const port = Number(location?.port);
  const scheme = location?.scheme ?? 'http';
  if (!Number.isInteger(port) || port < 1 || port > 65535 || (scheme !== 'http' && scheme !== 'https')) {
    throw new Error('unusable location');
  }
  let host;
  if (/^[A-Za-z0-9.-]{1,253}$/.test(address)) {
    host = address;
  }
  else if (/^[0-9A-Fa-f:.]{2,45}$/.test(address) && address.includes(':')) {
    host = '[' + address + ']';
  }
  else {
    throw new Error('unusable location');
  }
  return (scheme === 'https' ? 'wss' : 'ws') + '://' + host + ':' + port + '/rpc';
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function backoff(attempt) {
  const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function newClientMsgId() {
  // crypto.randomUUID exists only in secure contexts; a page opened by IP address over http is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ChatClient {
  /**
   * @param {object} view receives what changed (see view.js)
   * @param {{binderUrl?: string, storage?: Storage}} [options]
   */
  constructor(view, options = {}) {
    this.view = view;
    this.binderUrl = options.binderUrl ?? 'rpc';
    this.store = new SessionStore(options.storage ?? window.sessionStorage);
    this.socket = null;
    this.server = null;
    this.online = false;
    this.historySupported = undefined;
    this.username = null;
    this.token = null;
    this.rooms = new Map();
    this.current = null;
    this.outbox = [];
    this.flushing = false;
    this.membersTimers = new Map();
    this.roomListTimer = null;
  }

  /** Restores a session kept by an earlier load of the page, then connects, and keeps connecting. */
  start() {
    const saved = this.store.load();
    if (saved) {
      this.username = saved.username;
      this.token = saved.token;
      for (const kept of saved.rooms) {
        const room = new Room(kept.name);
        room.add(kept.messages.filter(isMessage));
        room.lastId = kept.lastId;
        room.unread = kept.unread;
        room.hasMore = kept.hasMore;
        this.rooms.set(room.key, room);
      }
      this.outbox = saved.outbox;
      this.current = this.rooms.has(saved.current) ? saved.current : null;
      this.view.signedIn(this.username);
      this.view.roomsChanged();
      if (this.current) {
        this.view.roomOpened(this.rooms.get(this.current));
      }
    }
    else {
      this.view.showSignIn();
    }
    window.addEventListener('pagehide', () => this.store.save(this));
    this.run();
  }

  get signedIn() {
    return this.token !== null;
  }

  get currentRoom() {
    return this.current ? this.rooms.get(this.current) ?? null : null;
  }

  // ---- the connection ------------------------------------------------------------------------------------------

  async run() {
    let attempt = 0;
    for (;;) {
      let sentence;
      try {
        const location = await this.lookup();
        const closed = await this.connect(location);
        attempt = 0;
        await closed;
        sentence = 'The connection to the chat server was lost.';
      }
      catch (error) {
        sentence = this.describeConnectFailure(error);
      }
      this.online = false;
      this.socket = null;
      attempt++;
      const delay = backoff(attempt);
      this.view.status('offline', sentence + ' Trying again in ' + Math.max(1, Math.round(delay / 1000)) + ' s…');
      await sleep(delay);
    }
  }

  describeConnectFailure(error) {
    if (error instanceof RpcError && error.code === 2001) {
      return 'No chat server is running right now.';
    }
    if (error?.binder) {
      return 'The page cannot reach the address book of chat servers (the binder).';
    }
    if (error instanceof ConnectionError) {
      return 'The chat server cannot be reached.';
    }
    return 'The chat server could not be used.';
  }

  async lookup() {
    this.view.status('connecting', 'Looking for a chat server…');
    try {
      return await httpCall(this.binderUrl, 'lookup_procedure', { procedure_name: 'register_user' });
    }
    catch (error) {
      if (error instanceof ConnectionError) {
        error.binder = true;
      }
      throw error;
    }
  }

  /**
   * Opens a socket to a chat server and resumes the session on it.
   * @returns {Promise<Promise<void>>} once online: a promise that settles when the socket closes
   */
  async connect(location) {
    const url = socketUrl(location);
    this.view.status('connecting', 'Connecting to the chat server…');
    let closedResolve;
    const closed = new Promise((resolve) => { closedResolve = resolve; });
    const socket = await RpcSocket.open(url, {
      onNotification: (method, params) => this.onNotification(socket, method, params),
      onClose: () => closedResolve(),
    });
    this.socket = socket;
    this.server = location;
    this.historySupported = undefined;
    try {
      await this.resume(socket);
    }
    catch (error) {
      socket.close();
      throw error;
    }
    this.online = true;
    const where = String(location.address) + ':' + Number(location.port);
    this.view.status('online', 'Connected.', where);
    this.flush();
    this.refreshRoomList();
    return closed;
  }

  /** Binds the new socket to the session (if any), and subscribes again to every room after the last id seen. */
  async resume(socket) {
    if (!this.token) {
      return;
    }
    let who;
    try {
      who = await socket.call('authenticate', { token: this.token });
    }
    catch (error) {
      if (error instanceof RpcError) {
        this.endSession('Your session has ended. Choose a name to go on.');
        return;
      }
      throw error;
    }
    if (typeof who?.username === 'string') {
      this.username = who.username;
    }
    for (const room of Array.from(this.rooms.values())) {
      try {
        await this.subscribe(socket, room, room.lastId);
      }
      catch (error) {
        if (!(error instanceof RpcError)) {
          throw error;
        }
        this.dropRoom(room, 'You are no longer in #' + room.name + '.');
        continue;
      }
      this.refreshMembers(room, 0);
    }
    this.store.save(this);
  }

  async subscribe(socket, room, afterId) {
    const params = { room_name: room.name };
    if (afterId > 0) {
      params.after_id = afterId;
    }
    const result = await socket.call('subscribe', params);
    if (!(afterId > 0) && Number.isSafeInteger(result?.last_id)) {
      room.lastId = Math.max(room.lastId, result.last_id);
    }
  }

  /** A call on the current socket. */
  call(method, params) {
    if (!this.socket || !this.online) {
      return Promise.reject(new ConnectionError('Not connected'));
    }
    return this.socket.call(method, params);
  }

  onNotification(socket, method, params) {
    if (socket !== this.socket) {
      return;
    }
    if (method === 'message' && isMessage(params)) {
      this.onMessage(params);
    }
    else if (method === 'subscription_ended' && typeof params.room_name === 'string') {
      this.onSubscriptionEnded(params.room_name, params.reason);
    }
  }

  onMessage(message) {
    const room = this.rooms.get(Room.keyOf(message.room_name));
    if (!room || message.id <= room.lastId) {
      return;
    }
    room.lastId = message.id;
    if (room.add([message]).length === 0) {
      return;
    }
    const inView = room.key === this.current;
    if (!inView && message.type !== 'system') {
      room.unread++;
    }
    room.trim();
    this.view.messagesAdded(room, [message]);
    if (!inView) {
      this.view.roomsChanged();
    }
    if (message.type === 'system') {
      this.refreshMembers(room, 300);
    }
    this.store.saveSoon(this);
  }

  onSubscriptionEnded(roomName, reason) {
    if (!this.token) {
      return;
    }
    if (reason === 'SIGNED_OUT') {
      this.endSession('You have been signed out. Choose a name to go on.');
      return;
    }
    const room = this.rooms.get(Room.keyOf(roomName));
    if (room && !room.leaving) {
      this.dropRoom(room, 'You are no longer in #' + room.name + '.');
    }
  }

  // ---- what the person does ------------------------------------------------------------------------------------

  /**
   * Registers a name and binds the socket to it.
   * @returns {Promise<string|null>} null when signed in, else the sentence saying why not
   */
  async signIn(name) {
    if (!/^[A-Za-z0-9_.-]{1,32}$/.test(name)) {
      return 'A name is 1 to 32 letters, digits, _, - or . (no spaces).';
    }
    try {
      const registered = await this.call('register_user', { username: name });
      this.username = registered.username;
      this.token = registered.token;
    }
    catch (error) {
      return sentenceFor(error, { name: 'user' });
    }
    this.store.save(this);
    this.view.signedIn(this.username);
    this.view.roomsChanged();
    this.refreshRoomList();
    return null;
  }

  async signOut() {
    const username = this.username;
    this.endSession(null);
    try {
      await this.call('unregister_user', { username });
    }
    catch (error) {
      // The session ends on the server anyway when its time is up; the page has forgotten it already.
    }
  }

  /** Forgets the session in the page: the name, the token, the rooms and what was waiting to be sent. */
  endSession(sentence) {
    this.token = null;
    this.username = null;
    this.rooms.clear();
    this.current = null;
    this.outbox = [];
    this.store.clear();
    this.view.signedOut(sentence);
  }

  /** @returns {Promise<string|null>} null when done, else a sentence */
  async createRoom(name) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) {
      return 'A room name is 1 to 64 letters, digits, _, - or . (no spaces).';
    }
    try {
      await this.call('create_room', { room_name: name });
    }
    catch (error) {
      if (!(error instanceof RpcError && error.code === 1003)) {
        return sentenceFor(error, { name: 'room' });
      }
    }
    return this.joinRoom(name);
  }

  /** @returns {Promise<string|null>} null when joined (or already in it), else a sentence */
  async joinRoom(name) {
    const existing = this.rooms.get(Room.keyOf(name));
    if (existing) {
      this.openRoom(existing.key);
      return null;
    }
    let room;
    try {
      const joined = await this.call('join_room', { username: this.username, room_name: name });
      room = new Room(joined.room_name);
      room.users = Array.isArray(joined.users) ? joined.users.filter((u) => typeof u === 'string') : [];
      // join_room gives the last broadcasts; get_history (where the server has it) adds the announcements and the
      // private messages among them, and its newest id is where the subscription starts, so nothing falls between.
      room.add((Array.isArray(joined.messages) ? joined.messages : []).filter(isMessage));
      let history = null;
      try {
        history = await this.history(room.name, undefined);
      }
      catch (error) {
        if (error instanceof ConnectionError) {
          throw error;
        }
      }
      room.add(history ? history.messages : []);
      room.hasMore = history !== null && (history.hasMore || room.messages.length >= HISTORY_PAGE);
      room.lastId = room.messages.length > 0 ? room.messages[room.messages.length - 1].id : 0;
      this.rooms.set(room.key, room);
      await this.subscribe(this.socket, room, room.lastId);
    }
    catch (error) {
      if (room && !(error instanceof ConnectionError)) {
        this.rooms.delete(room.key);
      }
      return sentenceFor(error, { name: 'room' });
    }
    this.openRoom(room.key);
    this.store.save(this);
    return null;
  }

  openRoom(key) {
    const room = this.rooms.get(key);
    if (!room) {
      return;
    }
    this.current = key;
    room.unread = 0;
    this.view.roomsChanged();
    this.view.roomOpened(room);
    this.store.saveSoon(this);
  }

  /** @returns {Promise<string|null>} */
  async leaveRoom(key) {
    const room = this.rooms.get(key);
    if (!room) {
      return null;
    }
    // The server may announce the end of the subscription before it answers: that is this leave, not news.
    room.leaving = true;
    try {
      await this.call('leave_room', { username: this.username, room_name: room.name });
    }
    catch (error) {
      if (!(error instanceof RpcError && (error.code === 1005 || error.code === 1004))) {
        room.leaving = false;
        return sentenceFor(error, { name: 'room' });
      }
    }
    this.dropRoom(room, null);
    return null;
  }

  dropRoom(room, sentence) {
    this.rooms.delete(room.key);
    this.outbox = this.outbox.filter((item) => Room.keyOf(item.room) !== room.key);
    if (this.current === room.key) {
      const next = this.rooms.keys().next();
      this.current = next.done ? null : next.value;
      this.view.roomOpened(this.currentRoom);
    }
    this.view.roomsChanged();
    if (sentence) {
      this.view.notice(sentence);
    }
    this.store.saveSoon(this);
  }

  /**
   * Sends a message to the room in view, now or as soon as the page is connected again. A message sent again after
   * a lost answer keeps its client_msg_id, so the server stores it once.
   */
  send(text, recipient) {
    const room = this.currentRoom;
    if (!room || text.trim() === '') {
      return;
    }
    this.outbox.push({ room: room.name, text, recipient: recipient || null, clientMsgId: newClientMsgId() });
    this.store.saveSoon(this);
    this.view.outboxChanged(this.outbox.length, this.online);
    this.flush();
  }

  async flush() {
    if (this.flushing) {
      return;
    }
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.online && this.token) {
        const item = this.outbox[0];
        const params = {
          username: this.username, room_name: item.room, message: item.text, client_msg_id: item.clientMsgId,
        };
        if (item.recipient) {
          params.recipient = item.recipient;
        }
        try {
          await this.call('send_message', params);
          this.outbox.shift();
        }
        catch (error) {
          if (error instanceof ConnectionError) {
            break;
          }
          if (error instanceof RpcError && error.code === 1009) {
            const wait = Number(error.data.retry_after_ms);
            await sleep(Math.min(10000, Math.max(200, Number.isFinite(wait) ? wait : 1000)));
            continue;
          }
          this.outbox.shift();
          this.view.sendFailed(sentenceFor(error), item);
        }
        this.store.saveSoon(this);
        this.view.outboxChanged(this.outbox.length, this.online);
      }
    }
    finally {
      this.flushing = false;
      this.view.outboxChanged(this.outbox.length, this.online);
    }
  }

  /** Loads the page of messages before the oldest one the page holds for a room. */
  async loadOlder(key) {
    const room = this.rooms.get(key);
    if (!room || room.loadingOlder || !room.hasMore || !this.online) {
      return;
    }
    room.loadingOlder = true;
    try {
      const history = await this.history(room.name, room.oldestId);
      if (!history) {
        room.hasMore = false;
        this.view.historyUnavailable(room);
        return;
      }
      room.hasMore = history.hasMore;
      const added = room.add(history.messages);
      this.view.messagesPrepended(room, added);
      this.store.saveSoon(this);
    }
    catch (error) {
      this.view.notice(sentenceFor(error, { name: 'room' }));
    }
    finally {
      room.loadingOlder = false;
    }
  }

  /**
   * One page of get_history, or null when the server has no get_history.
   * @returns {Promise<{messages: Array<object>, hasMore: boolean}|null>}
   */
  async history(roomName, beforeId) {
    if (this.historySupported === false) {
      return null;
    }
    const params = { room_name: roomName, limit: HISTORY_PAGE };
    if (beforeId !== undefined) {
      params.before_id = beforeId;
    }
    let result;
    try {
      result = await this.call('get_history', params);
    }
    catch (error) {
      if (error instanceof RpcError && error.code === -32601) {
        this.historySupported = false;
        return null;
      }
      throw error;
    }
    this.historySupported = true;
    const messages = Array.isArray(result?.messages) ? result.messages.filter(isMessage) : [];
    return { messages, hasMore: result?.has_more === true };
  }

  refreshMembers(room, delay) {
    clearTimeout(this.membersTimers.get(room.key));
    this.membersTimers.set(room.key, setTimeout(async () => {
      this.membersTimers.delete(room.key);
      if (!this.socket) {
        return;
      }
      try {
        // straight on the socket: this also runs while a session is being resumed, before the page is online
        const users = await this.socket.call('list_users', { room_name: room.name });
        if (Array.isArray(users) && this.rooms.get(room.key) === room) {
          room.users = users.filter((u) => typeof u === 'string');
          this.view.membersChanged(room);
        }
      }
      catch (error) {
        // The next join or leave announcement, or the next connection, asks again.
      }
    }, delay));
  }

  async refreshRoomList() {
    clearTimeout(this.roomListTimer);
    this.roomListTimer = setTimeout(() => this.refreshRoomList(), ROOM_LIST_EVERY_MS);
    if (!this.online) {
      return;
    }
    try {
      const names = await this.call('list_rooms');
      if (Array.isArray(names)) {
        this.view.allRooms(names.filter((n) => typeof n === 'string'));
      }
    }
    catch (error) {
      // Tried again on the next tick.
    }
  }
}
