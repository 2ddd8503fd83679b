// Small page behaviours declared with data attributes, so templates carry no inline script and the
// Content-Security-Policy can forbid it. Delegated from the document: content swapped in by htmx works too.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    // <select data-autosubmit>: choosing a value submits its form.
    var field = event.target.closest("[data-autosubmit]");
    if (field && field.form) { field.form.submit(); }
    // A changed .js-suggest field sends "suggest" up to the element whose hx-trigger waits for it (htmx's
    // change[filter] syntax would need eval, which the policy forbids).
    if (event.target.closest(".js-suggest")) {
      event.target.dispatchEvent(new CustomEvent("suggest", {bubbles: true}));
    }
  });

  document.addEventListener("click", function (event) {
    // <button data-confirm="Question?">: the action goes ahead only when confirmed.
    var asking = event.target.closest("[data-confirm]");
    if (asking && !window.confirm(asking.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    // <button data-print>: print the page.
    if (event.target.closest("[data-print]")) { window.print(); }
    // <button data-check-all="selector" | data-check-none="selector">: tick or untick those checkboxes.
    var ticking = event.target.closest("[data-check-all], [data-check-none]");
    if (ticking) {
      var on = ticking.hasAttribute("data-check-all");
      var selector = ticking.getAttribute(on ? "data-check-all" : "data-check-none");
      document.querySelectorAll(selector).forEach(function (box) { box.checked = on; });
    }
    // <button data-copy="#field">: copy that field's value to the clipboard.
    var copying = event.target.closest("[data-copy]");
    if (copying && navigator.clipboard) {
      var source = document.querySelector(copying.getAttribute("data-copy"));
      if (source) { navigator.clipboard.writeText(source.value); }
    }
  });

  // <input data-select-on-focus>: the whole value is selected, ready to copy.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) { event.target.select(); }
  });
})();
