/**
 * Reading rendered markdown back with a real CommonMark parser (markdown-it, HTML and linkify on, as GitHub
 * renders comments) and checking the token stream for anything an untrusted string could have injected.
 */
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';

const md = new MarkdownIt({ html: true, linkify: true });

type Token = ReturnType<typeof md.parse>[number];

export function tokens(markdown: string): Token[] {
  return md.parse(markdown, {});
}

export function flat(list: Token[]): Token[] {
  return list.flatMap((t) => [t, ...(t.children ?? [])]);
}

export function inlineCodes(markdown: string): string[] {
  return flat(tokens(markdown))
    .filter((t) => t.type === 'code_inline')
    .map((t) => t.content);
}

/** Raw HTML we write ourselves; anything else in an html token came from the content. */
const OUR_HTML = [
  /^<!-- dc-pipeline:plan env=[^\s>]* dir=[^\s>]* -->$/,
  /^<!-- dc-pipeline:status:(start|end) -->$/,
  /^<details><summary>[^<>]*(<code>[^<>]*<\/code>)?<\/summary>$/,
  /^<\/details>$/,
  /^<\/?sub>$/,
  /^<br>$/,
];

export function expectNoInjection(markdown: string, allowedLinks: string[] = []): void {
  const all = flat(tokens(markdown));
  for (const token of all) {
    if (token.type === 'html_block' || token.type === 'html_inline') {
      for (const line of token.content.split('\n').filter((l) => l !== '')) {
        expect(OUR_HTML.some((re) => re.test(line)), `unexpected HTML: ${line}`).toBe(true);
        // Outside <code>, an HTML line must not carry a mention.
        expect(line.replace(/<code>[^<>]*<\/code>/g, '')).not.toMatch(/@\w/);
      }
    }
    if (token.type === 'link_open') expect(allowedLinks).toContain(token.attrGet('href'));
    expect(token.type).not.toBe('image');
    // GitHub turns @name in text into a mention; in code it does not.
    if (token.type === 'text') expect(token.content, `mention in text: ${token.content}`).not.toMatch(/@\w/);
  }
  expectBalancedStructure(markdown);
}

/** Every table row has three cells, every fence is closed, every <details> is closed. */
export function expectBalancedStructure(markdown: string): void {
  const list = tokens(markdown);
  const lines = markdown.split('\n');
  let cells = 0;
  let depth = 0;
  for (const token of list) {
    if (token.type === 'tr_open') cells = 0;
    if (token.type === 'th_open' || token.type === 'td_open') cells++;
    if (token.type === 'tr_close') expect(cells).toBe(3);
    if (token.type === 'fence') {
      const closing = lines[token.map![1] - 1];
      expect(closing, 'unclosed fence').toBe(token.markup);
    }
    if (token.type === 'html_block') {
      depth += (token.content.match(/<details>/g) ?? []).length;
      depth -= (token.content.match(/<\/details>/g) ?? []).length;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
  }
  expect(depth, 'unclosed <details>').toBe(0);
}
