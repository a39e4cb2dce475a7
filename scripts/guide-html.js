#!/usr/bin/env node
/**
 * The officer's guide (docs/HUONG-DAN.md) as a page published with the task pane:
 * assets/huong-dan.html (webpack copies assets/* next to taskpane.html), opened by the pane's
 * "Hướng dẫn sử dụng" link at the section of the tab (#3-kiểm-tra…). Text only: a picture of the
 * guide becomes its caption, so that the page needs no other file.
 *
 * Renders the Markdown the guide uses: headings (with GitHub-style ids), paragraphs, bullet and
 * numbered lists (nested by indentation), tables, **bold**, *italic*, `code`, [links](#anchor).
 *
 * Usage: node scripts/guide-html.js   (writes assets/huong-dan.html; a test checks it is up to date)
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCE = path.join(ROOT, "docs", "HUONG-DAN.md");
const TARGET = path.join(ROOT, "assets", "huong-dan.html");

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens (letters with diacritics kept). */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function inline(text) {
  let s = escapeHtml(text);
  s = s.replace(/`([^`]+)`/g, "<code>$1</code>");
  s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/\*([^*]+)\*/g, "<em>$1</em>");
  s = s.replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label, href) => `<a href="${href}">${label}</a>`);
  return s;
}

/** A picture of the pane: its caption, in place of the image. */
function figure(line) {
  const m = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(line.trim());
  return m ? `<p class="figure">[Hình: ${inline(m[1])}]</p>` : null;
}

function table(rows) {
  const cells = (r) =>
    r
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  const [head, , ...body] = rows;
  const th = cells(head)
    .map((c) => `<th>${inline(c)}</th>`)
    .join("");
  const trs = body.map(
    (r) =>
      `<tr>${cells(r)
        .map((c) => `<td>${inline(c)}</td>`)
        .join("")}</tr>`
  );
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs.join("")}</tbody></table>`;
}

/** Lines of one list (and what is indented under its items) → nested <ul>/<ol>. */
function list(lines) {
  const indentOf = (l) => l.length - l.trimStart().length;
  const base = indentOf(lines[0]);
  const ordered = /^\d+\.\s/.test(lines[0].trim());
  const items = [];
  for (const line of lines) {
    const t = line.trim();
    const marker = /^(?:[-*]|\d+\.)\s+/.exec(t);
    if (marker && indentOf(line) === base) items.push([t.slice(marker[0].length)]);
    else items[items.length - 1].push(line);
  }
  const tag = ordered ? "ol" : "ul";
  return `<${tag}>${items.map((it) => `<li>${blocks(it)}</li>`).join("")}</${tag}>`;
}

/** Markdown lines → HTML blocks. */
function blocks(lines) {
  const out = [];
  let i = 0;
  const isItem = (l) => /^\s*(?:[-*]|\d+\.)\s+/.test(l);
  while (i < lines.length) {
    const line = lines[i];
    const t = line.trim();
    if (!t) {
      i++;
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(t);
    if (h) {
      const n = h[1].length;
      out.push(`<h${n} id="${escapeHtml(slug(h[2]))}">${inline(h[2])}</h${n}>`);
      i++;
    } else if (t.startsWith("|")) {
      const rows = [];
      while (i < lines.length && lines[i].trim().startsWith("|")) rows.push(lines[i++]);
      out.push(table(rows));
    } else if (isItem(line)) {
      const indent = line.length - line.trimStart().length;
      const rows = [];
      while (i < lines.length) {
        const l = lines[i];
        const deeper = l.trim() === "" || l.length - l.trimStart().length > indent;
        if (!(isItem(l) && l.length - l.trimStart().length === indent) && !deeper) break;
        if (
          l.trim() === "" &&
          !(lines[i + 1] ?? "").startsWith(" ".repeat(indent + 1)) &&
          !isItem(lines[i + 1] ?? "")
        )
          break;
        rows.push(l);
        i++;
      }
      out.push(list(rows.filter((r, k) => r.trim() !== "" || k < rows.length - 1)));
    } else if (figure(t)) {
      out.push(figure(t));
      i++;
    } else {
      const para = [];
      while (i < lines.length && lines[i].trim() && !isItem(lines[i]) && !/^(#|\||!\[)/.test(lines[i].trim()))
        para.push(lines[i++].trim());
      out.push(`<p>${inline(para.join(" "))}</p>`);
    }
  }
  return out.join("\n");
}

/** The guide page for `markdown`. */
function guideHtml(markdown) {
  const body = blocks(markdown.replace(/\r\n/g, "\n").split("\n"));
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Báo cáo BĐG – Hướng dẫn sử dụng</title>
    <!-- Made by scripts/guide-html.js from docs/HUONG-DAN.md: edit the guide, then run the script. -->
    <style>
      body { font-family: "Segoe UI", Arial, sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
      table { border-collapse: collapse; font-size: 0.9rem; }
      th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      code { background: #f3f3f3; padding: 0 0.2rem; overflow-wrap: anywhere; }
      .figure { color: #616161; font-style: italic; }
    </style>
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

module.exports = { guideHtml, slug, SOURCE, TARGET };

if (require.main === module) {
  fs.writeFileSync(TARGET, guideHtml(fs.readFileSync(SOURCE, "utf8")));
  console.log(`wrote ${path.relative(ROOT, TARGET)}`);
}
