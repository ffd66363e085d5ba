// Coquille's console, made a little nicer when scripts run: a chosen settings file fills the import text area.
// Everything works without it (the text can be pasted).
(function () {
  "use strict";
  document.querySelectorAll(".coq-js-only").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("input[type=file][data-coq-fill]").forEach(function (input) {
    input.addEventListener("change", function () {
      var target = document.getElementById(input.getAttribute("data-coq-fill"));
      var file = input.files && input.files[0];
      if (!target || !file) { return; }
      file.text().then(function (text) { target.value = text; target.focus(); });
    });
  });
  // a button on a confirmation page (data-coq-confirmed) is the confirmation already
  document.querySelectorAll("form button.coq-danger:not([data-coq-confirmed])").forEach(function (button) {
    button.form.addEventListener("submit", function (event) {
      // the question names what goes (data-coq-confirm); a bare "Delete ?" says too little
      var question = button.getAttribute("data-coq-confirm") || button.textContent + " ?";
      if (!window.confirm(question)) { event.preventDefault(); }
    });
  });
})();
