import { parseChatCommand } from './chat-command.js';
import { parseTranslateRequest } from './translation/translate-request.js';

describe('parseChatCommand', () => {
  it.each([
    ['/HELP', { name: '/help', argument: '' }],
    ['  /translate  es hola  ', { name: '/translate', argument: 'es hola' }],
    ['/info\nmore', { name: '/info', argument: 'more' }],
  ])('reads %p', (text, expected) => {
    expect(parseChatCommand(text)).toEqual(expected);
  });

  it.each([undefined, '', 'help', 'see /help', '/'])('finds no command in %p', (text) => {
    expect(parseChatCommand(text)).toBeUndefined();
  });
});

describe('parseTranslateRequest', () => {
  const languages = new Set(['es', 'fr']);
  it('takes a listed first word as the target', () => {
    expect(parseTranslateRequest('ES hola amigo', languages, 'en')).toEqual({ target: 'es', text: 'hola amigo' });
  });
  it('translates the whole text to the default when the first word is not listed', () => {
    expect(parseTranslateRequest('is this ok', languages, 'en')).toEqual({ target: 'en', text: 'is this ok' });
    expect(parseTranslateRequest('es', languages, 'en')).toEqual({ target: 'en', text: 'es' });
  });
  it('has nothing to translate in an empty argument', () => {
    expect(parseTranslateRequest('', languages, 'en')).toBeUndefined();
  });
});
