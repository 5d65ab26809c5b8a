/** Newer group ids: `120363` followed by at least 12 more digits. */
const NUMERIC_GROUP_ID = /^120363\d{12,}$/;

/**
 * Turns a v7 bare user part into a JID. Groups are recognised by shape: old group ids are
 * `<creator>-<created at>`, newer ones the numeric `120363…` form. Ids that already carry a
 * server (`…@lid`, `…@g.us`) are left alone.
 */
export function toJid(id: string): string {
  if (id === '' || id.includes('@')) return id;
  const isGroup = id.includes('-') || NUMERIC_GROUP_ID.test(id);
  return `${id}${isGroup ? '@g.us' : '@s.whatsapp.net'}`;
}

export function isGroupJid(jid: string): boolean {
  return jid.endsWith('@g.us');
}

export interface MessageSource {
  readonly sender: string;
  readonly chat?: string;
}

/**
 * v7 wrote whatsmeow's `SourceString()` into `from`: the sender JID alone in a private chat,
 * `<sender> in <chat>` in a group.
 */
export function splitSource(source: string): MessageSource {
  const at = source.indexOf(' in ');
  if (at < 0) return { sender: source };
  return { sender: source.slice(0, at), chat: source.slice(at + ' in '.length) };
}
