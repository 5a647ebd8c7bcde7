"use strict";
// The page's only script: the filters, a hint on tables wider than the
// screen, and unfolded passed checks in a printout. Without it the page
// shows everything.
//
// Shows each filter form and hides, in its section, what does not match
// the statuses ticked and the account chosen; without this script the
// forms stay hidden and everything is shown.
document.querySelectorAll("form[data-filter]").forEach(function (form) {
  var section = form.closest("section");
  var units = section.querySelectorAll(".finding, tbody tr");
  var boxes = section.querySelectorAll(".account, details.passed");
  var shown = form.querySelector(".shown");
  function apply() {
    var statuses = {}, anyBox = false;
    form.querySelectorAll("input[name=status]").forEach(function (i) {
      anyBox = true;
      if (i.checked) statuses[i.value] = true;
    });
    var sel = form.querySelector("select[name=account]");
    var account = sel ? sel.value : "";
    var visible = 0;
    units.forEach(function (u) {
      var s = u.closest("[data-status]"), a = u.closest("[data-account]");
      var ok = (!anyBox || !s || statuses[s.dataset.status]) && (!account || !a || a.dataset.account === account);
      u.hidden = !ok;
      if (ok) visible++;
    });
    boxes.forEach(function (b) {
      var any = false;
      b.querySelectorAll(".finding").forEach(function (u) { if (!u.hidden) any = true; });
      b.hidden = !any;
    });
    var lang = document.documentElement.lang;
    shown.textContent = shown.dataset.pattern.replace("%s", visible.toLocaleString(lang)).replace("%s", units.length.toLocaleString(lang));
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
});
// A printout shows the passed checks too: paper cannot unfold them.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
// A table wider than the screen scrolls sideways inside its frame; say so
// above it, so a phone reader knows there are more columns.
function markWideTables() {
  document.querySelectorAll(".table-wrap").forEach(function (w) {
    w.classList.toggle("scrolls", w.scrollWidth > w.clientWidth + 1);
  });
}
window.addEventListener("resize", markWideTables);
markWideTables();
