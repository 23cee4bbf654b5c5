/** The briefing buttons' handlers, one file each. */
import type { App } from '@slack/bolt';
import type { HandlerDeps } from '../handler.js';
import { registerMore } from './more.js';
import { registerShare } from './share.js';
import { registerSubscribeTopic } from './subscribe-topic.js';

export function registerActions(app: App, deps: HandlerDeps): void {
  registerMore(app, deps);
  registerShare(app, deps);
  registerSubscribeTopic(app, deps);
}
