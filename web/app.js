// First page: shows what the server holds, or says plainly that it cannot be reached.
(async function showCorpusStatus() {
  const status = document.getElementById("corpus-status");
  try {
    const response = await fetch("/health", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const health = await response.json();
    status.textContent = `${health.papers} papers on scaling laws, served by Scaling Atlas ${health.version}.`;
  } catch (error) {
    status.textContent = "The server cannot be reached right now (" + error.message + "). Is ./atlas serve running?";
    status.classList.add("error");
  }
})();
