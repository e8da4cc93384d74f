#!/usr/bin/env node
// Makes the README's picture of a plan comment: the markdown the toolkit posts, rendered the way GitHub shows
// it (markdown-it with html + linkify, GitHub's alert callouts, github-markdown-css) and screenshotted by
// headless Chromium. A manual tool, not part of `npm test`: CI has no browser.
//
// Needs Debian's `chromium` and an emoji font (`apt-get install -y chromium fonts-noto-color-emoji`) and the
// devDependencies (markdown-it, github-markdown-css).
//
// Usage:
//   node scripts/screenshot-comment.js                  # runs the plan demo (needs Terraform), then screenshots
//   node scripts/screenshot-comment.js --markdown FILE  # screenshots a comment you already have, e.g.
//                                                       #   node dist/cli/index.js plan --plan-json plan.json > FILE
// Options:
//   --out FILE      the PNG (default docs/images/plan-comment.png); the HTML is written beside it in a temp dir
//   --open A,B      resource addresses whose <details> are opened so their diff shows
//                   (default terraform_data.schema,terraform_data.bucket; the first two when none match)
//   --width N       window width (default 1000)
//   --height N      window height (default auto: measured, so the whole comment is in the picture)
//   CHROMIUM=/path/to/chromium overrides the browser binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import MarkdownIt from 'markdown-it';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values: flags } = parseArgs({
  options: {
    markdown: { type: 'string' },
    out: { type: 'string', default: join(root, 'docs', 'images', 'plan-comment.png') },
    open: { type: 'string', default: 'terraform_data.schema,terraform_data.bucket' },
    width: { type: 'string', default: '1000' },
    height: { type: 'string', default: 'auto' },
  },
});

const markdown = readFileSync(flags.markdown ?? runPlanDemo(), 'utf8');
const html = openDetails(renderComment(markdown), flags.open.split(',').map((a) => a.trim()).filter(Boolean));
const out = resolve(flags.out);
mkdirSync(dirname(out), { recursive: true });
screenshot(html, out, Number(flags.width), flags.height === 'auto' ? 'auto' : Number(flags.height));
process.stdout.write(`Wrote ${relative(process.cwd(), out)}\n`);

/** Runs scripts/demo/plan.js (the `npm start` plan demo) and returns the comment file it writes. */
function runPlanDemo() {
  const demo = spawnSync(process.execPath, [join(root, 'scripts', 'demo', 'plan.js')], { cwd: root, encoding: 'utf8' });
  if (demo.status !== 0) {
    process.stderr.write(`${demo.stderr}${demo.stdout}\nThe plan demo failed; pass --markdown FILE to screenshot an existing comment.\n`);
    process.exit(1);
  }
  return join(root, '.dc-pipeline', 'demo', 'plan-comment.md');
}

/** The comment as a standalone page: GFM-like markdown-it output inside GitHub's `.markdown-body`. */
function renderComment(source) {
  const md = new MarkdownIt({ html: true, linkify: true, highlight: (code, lang) => (lang === 'diff' ? highlightDiff(code, md) : '') });
  md.core.ruler.after('inline', 'github-alerts', githubAlerts);
  const css = readFileSync(join(root, 'node_modules', 'github-markdown-css', 'github-markdown-light.css'), 'utf8');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dc-pipeline plan comment</title>
<style>
${css}
body { margin: 0; background: #fff; }
.comment { box-sizing: border-box; max-width: 960px; margin: 16px auto; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment > header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #59636e; }
.comment > header b { color: #1f2328; }
.markdown-body { padding: 16px 24px; }
</style></head>
<body><div class="comment"><header><b>github-actions</b> bot commented</header>
<article class="markdown-body">
${md.render(source)}
</article></div>
<script>
  // Read back by the --dump-dom pass to size the screenshot to the comment.
  document.documentElement.dataset.contentHeight = String(Math.ceil(document.querySelector('.comment').getBoundingClientRect().bottom) + 16);
</script>
</body></html>
`;
}

/** Colours a ```diff block as GitHub's diff grammar does: `+`/`>` lines inserted, `-`/`<` lines deleted. */
function highlightDiff(code, md) {
  return code
    .split('\n')
    .map((line) => {
      const escaped = md.utils.escapeHtml(line);
      if (/^[+>]/.test(line)) return `<span class="pl-mi1">${escaped}</span>`;
      if (/^[-<]/.test(line)) return `<span class="pl-md">${escaped}</span>`;
      return escaped;
    })
    .join('\n');
}

/**
 * GitHub turns `> [!CAUTION]` (and NOTE, TIP, IMPORTANT, WARNING) into a coloured callout; markdown-it leaves a
 * plain blockquote. Rewrite those blockquotes into GitHub's markup so github-markdown-css styles them.
 */
function githubAlerts(state) {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].type !== 'blockquote_open' || tokens[i + 1].type !== 'paragraph_open') continue;
    const inline = tokens[i + 2];
    const kind = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/.exec(inline.content)?.[1];
    if (!kind) continue;
    // Drop the marker (first text child and the line break after it) from the paragraph.
    const breakAt = inline.children.findIndex((t) => t.type === 'softbreak' || t.type === 'hardbreak');
    inline.children.splice(0, breakAt === -1 ? inline.children.length : breakAt + 1);
    const close = tokens.findIndex((t, j) => j > i && t.type === 'blockquote_close' && t.level === tokens[i].level);
    for (const t of [tokens[i], tokens[close]]) t.tag = 'div';
    tokens[i].attrSet('class', `markdown-alert markdown-alert-${kind.toLowerCase()}`);
    const title = new state.Token('html_block', '', 0);
    title.content = `<p class="markdown-alert-title">${kind[0]}${kind.slice(1).toLowerCase()}</p>\n`;
    tokens.splice(i + 1, 0, title);
  }
}

/** Adds `open` to the <details> of the given resources (the first two when none match), for the picture only. */
function openDetails(page, addresses) {
  const decode = (s) => s.replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const summary = /<details>(<summary>(?:(?!<\/summary>)[^])*?<code>([^<]*)<\/code><\/summary>)/g;
  const wanted = new Set(addresses);
  let opened = 0;
  const result = page.replace(summary, (whole, rest, code) => {
    if (!wanted.has(decode(code))) return whole;
    opened++;
    return `<details open>${rest}`;
  });
  if (opened > 0) return result;
  let left = 2;
  return page.replace(summary, (whole, rest) => (left-- > 0 ? `<details open>${rest}` : whole));
}

/**
 * Writes the page to a temp dir and lets headless Chromium screenshot it (no network, a throwaway profile).
 * With height 'auto' a first run (--dump-dom) measures the comment so the picture holds all of it.
 */
function screenshot(page, png, width, height) {
  const work = mkdtempSync(join(tmpdir(), 'dcp-screenshot-'));
  try {
    const file = join(work, 'plan-comment.html');
    writeFileSync(file, page);
    const url = pathToFileURL(file).href;
    if (height === 'auto') {
      const dom = chromium(work, [`--window-size=${width},400`, '--dump-dom', url]).stdout;
      const measured = Number(/data-content-height="(\d+)"/.exec(dom)?.[1]);
      if (!measured) throw new Error('could not measure the rendered comment (no data-content-height in the DOM).');
      height = measured;
    }
    rmSync(png, { force: true }); // so a stale picture is never taken for a new one
    chromium(work, ['--hide-scrollbars', `--window-size=${width},${height}`, `--screenshot=${png}`, url]);
    if (!existsSync(png)) throw new Error(`Chromium exited without writing ${png}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function chromium(work, args) {
  const browser = process.env.CHROMIUM ?? 'chromium';
  const isolation = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${join(work, 'profile')}`,
  ];
  const run = spawnSync(browser, [...isolation, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `exit ${run.status ?? run.signal}\n${run.stderr}`;
    throw new Error(`${browser} failed (${why}); install it with apt-get install chromium.`);
  }
  return run;
}
