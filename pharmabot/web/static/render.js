// DOM builders. Every piece of data (answers, label text, names) goes in as text nodes or
// attributes set through the DOM: nothing from the server is ever parsed as HTML.

const LINK_HOSTS = ["dailymed.nlm.nih.gov"];
const LINK_DOMAINS = ["fda.gov"];

/** URL as a string when it is an http(s) link to DailyMed or an FDA site, else null. */
export function safeLabelUrl(url) {
  if (typeof url !== "string") return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  const host = parsed.hostname.replace(/\.$/, "");
  const allowed = LINK_HOSTS.includes(host) || LINK_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
  return allowed ? parsed.href : null;
}

/** Create an element with a class and text (textContent, never HTML). */
export function el(tag, { cls, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A link to a label page that opens in a new tab, or plain text when the URL is not a label URL. */
export function labelLink(url, text, { cls } = {}) {
  const href = safeLabelUrl(url);
  if (!href) return el("span", { cls, text });
  const link = el("a", { cls, text, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
  link.append(el("span", { cls: "visually-hidden", text: " (opens in a new tab)" }));
  return link;
}

// "[1]", "[1, 2]", "[1][2]" citation marks, and markdown links the output filter let through.
const INLINE = /\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]|\[([^\[\]\n]{1,200})\]\(([^()\s]{1,500})\)|\*\*([^*\n]{1,200})\*\*/g;

function citationMark(number, citation) {
  const text = `[${number}]`;
  if (!citation) return document.createTextNode(text);
  const href = safeLabelUrl(citation.url);
  if (!href) return document.createTextNode(text);
  const section = citation.label_section ? `, ${citation.label_section}` : "";
  return el("a", {
    cls: "cite",
    text,
    attrs: {
      href,
      target: "_blank",
      rel: "noopener noreferrer",
      title: `${citation.drug_name}${section} (FDA label)`,
      "aria-label": `Source ${number}: ${citation.drug_name}${section}, FDA label, opens in a new tab`,
    },
  });
}

/** Text with its citation marks turned into links (only to the citation's label URL). */
export function inlineNodes(text, citationsByIndex) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) {
      const numbers = match[1].split(",").map((n) => Number.parseInt(n.trim(), 10));
      numbers.forEach((number, i) => {
        if (i > 0) nodes.push(document.createTextNode(" "));
        nodes.push(citationMark(number, citationsByIndex.get(number)));
      });
    } else if (match[2] !== undefined) {
      nodes.push(safeLabelUrl(match[3]) ? labelLink(match[3], match[2]) : document.createTextNode(match[2]));
    } else {
      nodes.push(el("strong", { text: match[4] }));
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** Render answer TEXT into CONTAINER: paragraphs, "- " bullet lists, citation links. */
export function renderAnswer(container, text, citations = []) {
  const byIndex = new Map((citations || []).map((c) => [c.index, c]));
  const blocks = [];
  let list = null;
  let paragraph = null;
  for (const raw of String(text).split("\n")) {
    const line = raw.trimEnd();
    const bullet = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      paragraph = null;
      if (!list) {
        list = el("ul");
        blocks.push(list);
      }
      list.append(el("li", {}, inlineNodes(bullet[1], byIndex)));
    } else if (line.trim() === "") {
      list = null;
      paragraph = null;
    } else {
      list = null;
      if (paragraph) paragraph.append(document.createElement("br"));
      else {
        paragraph = el("p");
        blocks.push(paragraph);
      }
      paragraph.append(...inlineNodes(line, byIndex));
    }
  }
  container.replaceChildren(...blocks);
  return container;
}

/** The numbered sources under an answer. */
export function renderCitations(citations) {
  if (!citations || citations.length === 0) return null;
  const list = el("ol", { cls: "sources", attrs: { "aria-label": "Sources" } });
  for (const c of citations) {
    const item = el("li", { attrs: { value: c.index } });
    const name = `${c.drug_name} — ${c.label_section ? titleCase(c.label_section) : "label"}`;
    item.append(el("span", { cls: "source-number", text: `[${c.index}] ` }), labelLink(c.url, name));
    if (c.effective_time) item.append(el("span", { cls: "muted", text: ` · label of ${c.effective_time}` }));
    list.append(item);
  }
  return list;
}

/** Labels shout their headings ("WARNINGS AND PRECAUTIONS"); show them in sentence case. */
export function titleCase(title) {
  if (title !== title.toUpperCase()) return title;
  const lower = title.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
