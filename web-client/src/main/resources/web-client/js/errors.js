// What the page says when something fails: a sentence for a person, never a code, a reason or a trace.

import { ConnectionError, RpcError } from './jsonrpc.js';
import { plain } from './text.js';

const SENTENCES = {
  1001: 'That name is taken. Choose another one.',
  1003: 'A room with that name exists already.',
  1004: 'That room does not exist (any more).',
  1005: 'You are not in that room any more.',
  1006: 'That person is not in this room any more.',
  1007: 'That message cannot be sent: it is empty, too long, or has invisible control characters in it.',
  1008: 'Your session has ended. Choose a name to go on.',
  1009: 'You are sending faster than the chat allows. Wait a moment.',
  1012: 'The chat is full just now. Try again later.',
  2001: 'No chat server is running right now.',
};

/**
 * Says what went wrong, in one sentence.
 * @param {unknown} error what a call rejected with
 * @param {{name?: string}} [context] what the call was about: "user" or "room" names a bad name's kind
 * @returns {string}
 */
export function sentenceFor(error, context = {}) {
  if (error instanceof ConnectionError) {
    return 'The chat server cannot be reached just now. The page keeps trying.';
  }
  if (error instanceof RpcError) {
    if (error.code === 1002) {
      return (context.name === 'room')
        ? 'A room name is 1 to 64 letters, digits, _, - or . (no spaces).'
        : 'A name is 1 to 32 letters, digits, _, - or . (no spaces).';
    }
    if (error.code === 1009 && context.name === 'user') {
      return 'Too many names were chosen from your address just now. Try again in a minute.';
    }
    if (error.code === 1009 && context.name === 'room') {
      return 'Too many rooms were created from your address just now. Try again in a minute.';
    }
    if (error.code === 1006 && typeof error.data.recipient === 'string') {
      return plain(error.data.recipient) + ' is not in this room any more.';
    }
    if (SENTENCES[error.code]) {
      return SENTENCES[error.code];
    }
    return 'The chat server could not do that. Try again in a moment.';
  }
  return 'Something went wrong in the page. Reload it to go on.';
}
