// The bodies the postmortem subcommands send: the one place to read what goes out.
import type { PostmortemDraftBody, PostmortemPublishBody } from '../../api/schemas.js';

/** The draft exactly as read: `show-incident --markdown | postmortem draft -m -` round-trips. */
export function buildDraftBody(text: string): PostmortemDraftBody {
  return { postmortem: { body_draft: text } };
}

/** Subscribers hear of it only when asked; the API's Twitter notification is never sent. */
export function buildPublishBody(notify: boolean): PostmortemPublishBody {
  return { postmortem: { notify_subscribers: notify, notify_twitter: false } };
}
