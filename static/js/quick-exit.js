/* Quick exit: leave at once, and leave no entry for this page to come back to.
   The link works without this script; with it, the page blanks immediately,
   the current history entry is replaced, and Shift pressed three times in
   two seconds does the same as the link. Nothing is logged or sent. */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var hint = document.querySelector("[data-quick-exit-hint]");
  if (hint) { hint.hidden = false; }

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("quick-exit-active");
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });
})();
