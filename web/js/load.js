// Fetching a page's data: the JSON of each path, or, when any request fails, the server's message shown in place
// of the page (and null returned, so the page stops there).
import { getJson } from "./api.js";
import { show, notice, link } from "./dom.js";

export async function loadOrExplain(main, ...paths) {
  try {
    return await Promise.all(paths.map(getJson));
  } catch (error) {
    show(main, notice("error", error.message), link("/browse", "Browse all notes"));
    return null;
  }
}
