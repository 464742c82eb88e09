// The session as the page keeps it in sessionStorage, so that a reload (or a crash of the tab's renderer) resumes
// it: the token, the rooms with the last message id seen in each, the messages shown, and what waits to be sent.
// sessionStorage belongs to this tab alone and is gone when the tab closes.

const KEY = 'rpc-chat.session';
// the messages kept per room for a reload: enough to fill the screen; older ones come back through get_history
const KEPT_MESSAGES = 50;
const VERSION = 1;

export class SessionStore {
  /** @param {Storage} storage */
  constructor(storage) {
    this.storage = storage;
    this.timer = null;
  }

  /**
   * The kept session, checked field by field: anything unexpected means no session.
   * @returns {{username: string, token: string, current: string|null, rooms: Array<object>, outbox: Array<object>}|null}
   */
  load() {
    let kept;
    try {
      kept = JSON.parse(this.storage.getItem(KEY) ?? 'null');
    }
    catch (error) {
      return null;
    }
    if (!kept || kept.version !== VERSION || typeof kept.username !== 'string' || typeof kept.token !== 'string') {
      return null;
    }
    const rooms = (Array.isArray(kept.rooms) ? kept.rooms : []).filter((room) => room && typeof room.name === 'string')
      .map((room) => ({
        name: room.name,
        lastId: Number.isSafeInteger(room.lastId) ? room.lastId : 0,
        unread: Number.isSafeInteger(room.unread) ? room.unread : 0,
        hasMore: room.hasMore !== false,
        messages: Array.isArray(room.messages) ? room.messages : [],
      }));
    const outbox = (Array.isArray(kept.outbox) ? kept.outbox : []).filter((item) => item
      && typeof item.room === 'string' && typeof item.text === 'string' && typeof item.clientMsgId === 'string');
    return {
      username: kept.username,
      token: kept.token,
      current: typeof kept.current === 'string' ? kept.current : null,
      rooms,
      outbox,
    };
  }

  /** Saves the client's session now. */
  save(client) {
    clearTimeout(this.timer);
    this.timer = null;
    if (!client.token) {
      return;
    }
    const session = {
      version: VERSION,
      username: client.username,
      token: client.token,
      current: client.current,
      rooms: Array.from(client.rooms.values(), (room) => ({
        name: room.name,
        lastId: room.lastId,
        unread: room.unread,
        hasMore: room.hasMore || room.messages.length > KEPT_MESSAGES,
        messages: room.messages.slice(-KEPT_MESSAGES),
      })),
      outbox: client.outbox,
    };
    try {
      this.storage.setItem(KEY, JSON.stringify(session));
    }
    catch (error) {
      // Over the quota: keep the token, the rooms and their last ids, which is what resuming needs.
      session.rooms = session.rooms.map((room) => ({ ...room, messages: room.messages.slice(-20), hasMore: true }));
      try {
        this.storage.setItem(KEY, JSON.stringify(session));
      }
      catch (ignored) {
        // Nothing more the page can do: a reload then asks for a name again.
      }
    }
  }

  /** Saves soon, once for a burst of changes. */
  saveSoon(client) {
    if (this.timer === null) {
      this.timer = setTimeout(() => this.save(client), 250);
    }
  }

  clear() {
    clearTimeout(this.timer);
    this.timer = null;
    this.storage.removeItem(KEY);
  }
}
