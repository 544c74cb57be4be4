// The page's own publish handler: records every click it receives, so a test can tell whether the
// extension held the click (none), let it through once, or left it untouched (trusted event).
window.publishClicks = [];
document.getElementById("publish").addEventListener("click", (event) => {
  window.publishClicks.push({ trusted: event.isTrusted });
  document.getElementById("published").textContent = String(window.publishClicks.length);
});
