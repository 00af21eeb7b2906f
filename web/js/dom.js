// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") element.setAttribute("class", value);
    else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
}

/** An HTML element: h("p", {class: "claim"}, "text", child...). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** An SVG element, the same way. */
export function s(tag, attributes, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** A link inside the app: navigates without reloading the page. */
export function link(path, ...children) {
  return h("a", { href: path, "data-nav": true }, ...children);
}

export function notePath(id) { return "/note/" + encodeURIComponent(id); }
export function paperPath(id) { return "/paper/" + encodeURIComponent(id); }
export function lawPath(id) { return "/law/" + encodeURIComponent(id); }
export function axisPath(id) { return "/axis/" + encodeURIComponent(id); }
export function ceilingPath(id) { return "/ceiling/" + encodeURIComponent(id); }
export function askPath(question) { return "/ask?q=" + encodeURIComponent(question); }

/** An arXiv id as a link to its abstract page, or nothing. */
export function arxivLink(arxiv) {
  if (!arxiv) return null;
  return h("a", { href: "https://arxiv.org/abs/" + encodeURIComponent(arxiv), rel: "noopener" }, "arXiv:" + arxiv);
}

/** A paper as one line: title (link), arXiv link, date. */
export function paperLine(paper) {
  return [link(paperPath(paper.id), paper.title || paper.id),
    paper.arxiv ? [" · ", arxivLink(paper.arxiv)] : null,
    paper.date ? " · " + paper.date : null];
}

/** Replaces the page's content and moves focus to it, for keyboard and screen-reader users. */
export function show(main, ...children) {
  main.replaceChildren();
  append(main, children);
}

export function notice(kind, ...children) {
  return h("p", { class: "notice " + kind, role: kind === "error" ? "alert" : "status" }, ...children);
}
