// The page's entry point: a view of the DOM and the chat client that feeds it.

import { ChatClient } from './chat.js';
import { View } from './view.js';

const view = new View();
const client = new ChatClient(view);
view.bind(client);
client.start();
