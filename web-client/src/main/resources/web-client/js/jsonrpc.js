// JSON-RPC 2.0 for the page: one call over HTTP to the binder, and a WebSocket that carries calls and the server's
// notifications to the chat server (docs/protocol.md, "JSON-RPC over WebSocket").

/** An error answer of a JSON-RPC call. */
export class RpcError extends Error {
  /**
   * @param {number} code the JSON-RPC error code
   * @param {string} message the server's sentence (shown to no one as it is)
   * @param {object|undefined} data the error's data, with its reason
   */
  constructor(code, message, data) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.data = (data && typeof data === 'object') ? data : {};
  }
}

/** The call could not be made or its answer did not come: the server is unreachable or the socket closed. */
export class ConnectionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConnectionError';
  }
}

const CALL_TIMEOUT_MS = 20000;

function answerOf(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ConnectionError('Unreadable answer');
  }
  if (body.error && typeof body.error === 'object') {
    throw new RpcError(Number(body.error.code), String(body.error.message ?? ''), body.error.data);
  }
  if (!('result' in body)) {
    throw new ConnectionError('Unreadable answer');
  }
  return body.result;
}

/**
 * Calls a method over HTTP: the page uses it for the binder only, which is the page's own origin.
 * @param {string} url such as "/rpc"
 * @param {string} method
 * @param {object} params
 * @returns {Promise<unknown>} the result
 */
export async function httpCall(url, method, params) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CALL_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
  }
  catch (error) {
    throw new ConnectionError('No answer from ' + url);
  }
  finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw new ConnectionError('HTTP ' + response.status);
  }
  let body;
  try {
    body = await response.json();
  }
  catch (error) {
    throw new ConnectionError('Unreadable answer');
  }
  return answerOf(body);
}

/**
 * A WebSocket to a chat server's /rpc: calls are matched to their answers by id, in any order; notifications
 * (messages without an id) go to a callback.
 */
export class RpcSocket {
  /**
   * Opens a socket.
   * @param {string} url such as "ws://127.0.0.1:36877/rpc"
   * @param {{onNotification: function(string, object): void, onClose: function(CloseEvent): void}} handlers
   * @param {number} [timeoutMs] how long the opening may take
   * @returns {Promise<RpcSocket>} once open
   */
  static open(url, handlers, timeoutMs = 10000) {
    return new Promise((resolve, reject) => {
      let socket;
      try {
        socket = new WebSocket(url);
      }
      catch (error) {
        reject(new ConnectionError('Cannot open ' + url));
        return;
      }
      const timer = setTimeout(() => {
        socket.close();
        reject(new ConnectionError('Timed out opening ' + url));
      }, timeoutMs);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve(new RpcSocket(socket, handlers));
      }, { once: true });
      socket.addEventListener('close', () => {
        clearTimeout(timer);
        reject(new ConnectionError('Could not open ' + url));
      }, { once: true });
    });
  }

  constructor(socket, handlers) {
    this.socket = socket;
    this.handlers = handlers;
    this.nextId = 1;
    this.pending = new Map();
    this.closed = false;
    socket.addEventListener('message', (event) => this.onMessage(event));
    socket.addEventListener('close', (event) => this.onClose(event));
  }

  /**
   * Calls a method on the socket.
   * @param {string} method
   * @param {object} [params]
   * @returns {Promise<unknown>} the result; rejects with RpcError or ConnectionError
   */
  call(method, params) {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new ConnectionError('The socket is closed'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ConnectionError('No answer to ' + method));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      const request = { jsonrpc: '2.0', id, method };
      if (params !== undefined) {
        request.params = params;
      }
      this.socket.send(JSON.stringify(request));
    });
  }

  /** Closes the socket on purpose: no reconnection follows. */
  close() {
    this.closed = true;
    this.socket.close(1000);
    this.failPending();
  }

  onMessage(event) {
    if (typeof event.data !== 'string') {
      return;
    }
    let body;
    try {
      body = JSON.parse(event.data);
    }
    catch (error) {
      return;
    }
    for (const item of Array.isArray(body) ? body : [body]) {
      this.dispatch(item);
    }
  }

  dispatch(item) {
    if (!item || typeof item !== 'object') {
      return;
    }
    if (typeof item.method === 'string' && !('id' in item)) {
      const params = (item.params && typeof item.params === 'object') ? item.params : {};
      this.handlers.onNotification(item.method, params);
      return;
    }
    const call = this.pending.get(item.id);
    if (!call) {
      return;
    }
    this.pending.delete(item.id);
    clearTimeout(call.timer);
    try {
      call.resolve(answerOf(item));
    }
    catch (error) {
      call.reject(error);
    }
  }

  onClose(event) {
    const wasClosedHere = this.closed;
    this.closed = true;
    this.failPending();
    if (!wasClosedHere) {
      this.handlers.onClose(event);
    }
  }

  failPending() {
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(new ConnectionError('The socket closed'));
    }
    this.pending.clear();
  }
}
