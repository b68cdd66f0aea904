import './styles/main.css';
import { Actions } from './actions';
import { App } from './app';
import { registerToolkit } from './controls/toolkit';
import { StateStore } from './state';
import { Transport } from './transport';

const api = acquireVsCodeApi();
registerToolkit();
const transport = new Transport(api);
const root = document.getElementById('app') ?? document.body;
const app = new App(root, new Actions(transport), new StateStore(api));
transport.onNotification((message) => app.handle(message));
transport.ready();
