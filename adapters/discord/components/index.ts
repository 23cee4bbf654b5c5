/** The button and form handlers. */
import type { ButtonKind } from '../render/custom-id.js';
import type { ButtonHandler, ModalHandler } from './component.js';
import { moreButton } from './more.js';
import { postButton } from './post.js';
import { subscribeButton } from './subscribe-button.js';
import { subscribeForm } from './subscribe-form.js';

export type { ButtonHandler, ModalHandler } from './component.js';

export const BUTTONS: ReadonlyMap<ButtonKind, ButtonHandler> = new Map(
  [moreButton, postButton, subscribeButton].map((h) => [h.kind, h]),
);

export const MODALS: ReadonlyMap<string, ModalHandler> = new Map([subscribeForm].map((h) => [h.customId, h]));
