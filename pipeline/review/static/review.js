// Keys of the review page: a accept, e edit, d delete, s skip, u undo, j/k next/previous.
(function () {
  function click(id) { var el = document.getElementById(id); if (el) { el.click(); return true; } return false; }
  function follow(id) { var el = document.getElementById(id); if (el && el.href) { window.location.href = el.href; return true; } return false; }
  function submit(id) { var f = document.getElementById(id); if (f) { f.submit(); return true; } return false; }
  var edit = document.getElementById("edit");
  if (edit) {
    edit.addEventListener("click", function () {
      var form = document.getElementById("edit-form");
      form.hidden = false;
      var first = form.querySelector("input, select");
      if (first) { first.focus(); }
    });
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) {
      if (ev.key === "Escape") { t.blur(); }
      return;
    }
    var done = false;
    switch (ev.key) {
      case "a": done = submit("accept-form"); break;
      case "d": done = submit("delete-form"); break;
      case "e": done = click("edit"); break;
      case "s": done = follow("skip"); break;
      case "u": done = submit("undo-form"); break;
      case "j": done = follow("next-link") || follow("start"); break;
      case "k": done = follow("prev-link"); break;
    }
    if (done) { ev.preventDefault(); }
  });
})();
