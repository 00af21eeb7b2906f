// Fetching a page's data: the JSON of each path, or, when any request fails, the server's message shown in place
// of the page (and null returned, so the page stops there).
import { getJson } from "./api.js";
import { h, show, notice, link } from "./dom.js";

export async function loadOrExplain(main, ...paths) {
  try {
    return await Promise.all(paths.map(getJson));
  } catch (error) {
    show(main, h("h1", {}, error.status === 404 ? "Not found" : "This page could not be loaded"), notice("error", error.message),
      link("/browse", "Browse all notes"));
    return null;
  }
}
