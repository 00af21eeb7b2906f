// Scaling Atlas in the browser: one page script that renders the route it is opened on.
import { h, link, notice, show } from "./dom.js";
import { askPage } from "./pages/ask.js";
import { notePage } from "./pages/note.js";
import { paperPage } from "./pages/paper.js";
import { lawPage } from "./pages/law.js";
import { planPage } from "./pages/plan.js";
import { browsePage, axisPage, ceilingPage, lawsPage } from "./pages/browse.js";
import { getJson } from "./api.js";

const main = document.getElementById("main");

const ROUTES = [
  [/^\/(?:ask)?$/, (m, params) => askPage(main, params, navigate)],
  [/^\/note\/([^/]+)$/, m => notePage(main, m[1])],
  [/^\/paper\/([^/]+)$/, m => paperPage(main, m[1])],
  [/^\/law\/([^/]+)$/, m => lawPage(main, m[1])],
  [/^\/axis\/([^/]+)$/, m => axisPage(main, m[1])],
  [/^\/ceiling\/([^/]+)$/, m => ceilingPage(main, m[1])],
  [/^\/browse$/, () => browsePage(main)],
  [/^\/laws$/, () => lawsPage(main)],
  [/^\/plan$/, (m, params) => planPage(main, params, navigate)],
];

async function render() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      const decoded = match.map((part, i) => (i === 0 ? part : decodeURIComponent(part)));
      await page(decoded, params);
      const section = path === "/ask" ? "/" : path;
      document.querySelectorAll("nav a").forEach(a => a.toggleAttribute("aria-current", a.getAttribute("href") === section));
      return;
    }
  }
  show(main, h("h1", {}, "Not found"), notice("error", "There is no page at " + path + "."), link("/", "Ask a question"));
}

function navigate(path) {
  history.pushState(null, "", path);
  window.scrollTo(0, 0);
  render().then(() => main.focus({ preventScroll: true }));
}

document.addEventListener("click", event => {
  const anchor = event.target.closest("a[data-nav]");
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = anchor.getAttribute("href");
  if (!href || !href.startsWith("/")) return;
  event.preventDefault();
  navigate(href);
});
window.addEventListener("popstate", () => render());

(async function corpusStatus() {
  const status = document.getElementById("corpus-status");
  try {
    const health = await getJson("/health");
    status.textContent = `It holds ${health.papers} papers and ${health.notes} notes.`;
  } catch (error) {
    status.textContent = error.message;
    status.classList.add("error");
  }
})();

render();
