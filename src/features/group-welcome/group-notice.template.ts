/** `628123@s.whatsapp.net` or `628123:7@s.whatsapp.net` → `628123`. */
export function jidUser(jid: string): string {
  return jid.split('@')[0]!.split(':')[0]!;
}

/**
 * Fills a group notice template. `{mention}` becomes `@<number>`, which WhatsApp renders as a
 * mention when the member's JID is also passed in `mentions`.
 */
export function renderGroupNotice(template: string, member: string): string {
  return template.replaceAll('{mention}', `@${jidUser(member)}`);
}
