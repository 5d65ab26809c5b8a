import { splitSource, toJid } from './jid.js';

describe('toJid', () => {
  it.each([
    ['628123456789', '628123456789@s.whatsapp.net'],
    ['120363402106123456', '120363402106123456@g.us'],
    ['1203634021061234', '1203634021061234@s.whatsapp.net'],
    ['628123456789-1599999999', '628123456789-1599999999@g.us'],
    ['628123456789@s.whatsapp.net', '628123456789@s.whatsapp.net'],
    ['251556368777322@lid', '251556368777322@lid'],
    ['', ''],
  ])('turns %j into %j', (id, jid) => {
    expect(toJid(id)).toBe(jid);
  });
});

describe('splitSource', () => {
  it('reads "<sender> in <chat>"', () => {
    expect(splitSource('1@s.whatsapp.net in 2@g.us')).toEqual({ sender: '1@s.whatsapp.net', chat: '2@g.us' });
  });

  it('reads a lone sender', () => {
    expect(splitSource('1@s.whatsapp.net')).toEqual({ sender: '1@s.whatsapp.net' });
  });
});
