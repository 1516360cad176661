// The hand-written JavaScript baseline of the thread benchmark: the same
// data rendered the same way as the Rust app's thread (same tree rules,
// first 20 top-level comments newest first, 3 replies under each, depth
// limit 6, the same markup and classes), with plain DOM calls.
const ROOTS = 20, REPLIES = 3;
const MAX_DEPTH = matchMedia("(max-width: 47.99rem)").matches ? 3 : 6;

function build(list) {
  const byId = new Map(), nodes = [];
  for (const c of list) {
    if (c.status === "pending" || byId.has(c.id)) continue;
    byId.set(c.id, nodes.length);
    nodes.push({ c, parent: null, children: [], depth: 0, descendants: 0 });
  }
  nodes.forEach((n, i) => {
    const p = n.c.parent_id != null ? byId.get(n.c.parent_id) : undefined;
    n.parent = p !== undefined && p !== i ? p : null;
  });
  // Break cycles iteratively.
  const state = new Uint8Array(nodes.length);
  for (let s = 0; s < nodes.length; s++) {
    const path = [];
    for (let i = s; i !== null; i = nodes[i].parent) {
      if (state[i] === 2) break;
      if (state[i] === 1) { nodes[path[path.length - 1]].parent = null; break; }
      state[i] = 1; path.push(i);
    }
    for (const i of path) state[i] = 2;
  }
  const roots = [];
  nodes.forEach((n, i) => (n.parent === null ? roots : nodes[n.parent].children).push(i));
  for (const n of nodes) n.children.sort((a, b) => nodes[a].c.created_at.localeCompare(nodes[b].c.created_at) || a - b);
  const order = [...roots];
  for (let k = 0; k < order.length; k++) for (const ch of nodes[order[k]].children) { nodes[ch].depth = nodes[order[k]].depth + 1; order.push(ch); }
  for (let k = order.length - 1; k >= 0; k--) { const n = nodes[order[k]]; if (n.parent !== null) nodes[n.parent].descendants += n.descendants + 1; }
  roots.sort((a, b) => nodes[b].c.created_at.localeCompare(nodes[a].c.created_at) || b - a);
  return { nodes, roots };
}

const fmt = new Intl.DateTimeFormat("fr", { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" });
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function item(t, i, rel) {
  const n = t.nodes[i], c = n.c;
  const li = el("li", "comment-item");
  const art = el("article", "comment");
  art.id = "comment-" + c.id;
  art.tabIndex = -1;
  if (c.status === "deleted") {
    art.setAttribute("aria-label", "Commentaire supprimé");
    art.append(el("p", "comment-deleted", "Commentaire supprimé"));
  } else {
    art.setAttribute("aria-label", n.depth ? `Réponse de ${c.author}, niveau ${n.depth + 1}` : `Commentaire de ${c.author}`);
    if (c.title && c.title.trim()) { const h = el("h3", "comment-title", c.title); h.dir = "auto"; art.append(h); }
    const meta = el("p", "comment-meta");
    const author = el("span", "comment-author", c.author); author.dir = "auto";
    const a = el("a", "comment-date"); a.href = `/article/x/comments/${c.id}`;
    const time = el("time", null, "le " + fmt.format(new Date(c.created_at))); time.dateTime = c.created_at;
    a.append(time); meta.append(author, a); art.append(meta);
    const body = el("div", "comment-body"); body.dir = "auto";
    for (const para of c.body.split(/\n\s*\n/)) {
      const p = el("p"); const lines = para.split("\n");
      lines.forEach((line, k) => { p.append(line); if (k + 1 < lines.length) p.append(el("br")); });
      body.append(p);
    }
    art.append(body);
  }
  const actions = el("div", "comment-actions");
  actions.append(el("button", "link-button", "Répondre"));
  if (n.children.length) actions.append(el("button", "link-button", `Replier (${n.descendants} réponses)`));
  actions.append(el("button", "link-button", "Copier le lien"));
  art.append(actions);
  li.append(art);
  if (n.children.length) {
    if (rel + 1 >= MAX_DEPTH) {
      const p = el("p", "continue"); const a = el("a", null, "Continuer cette discussion"); a.href = "#"; p.append(a); li.append(p);
    } else {
      const ul = el("ul", "replies");
      for (const ch of n.children.slice(0, REPLIES)) ul.append(item(t, ch, rel + 1));
      li.append(ul);
      if (n.children.length > REPLIES) li.append(el("button", "link-button more-replies", `Afficher ${n.children.length - REPLIES} réponses de plus`));
    }
  }
  return li;
}

export function render(list, host) {
  const t = build(list);
  const ul = el("ul", "thread");
  for (const r of t.roots.slice(0, ROOTS)) ul.append(item(t, r, 0));
  host.append(ul);
}
