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

  // A form that came back with errors: the summary at its top takes the focus (read out, scrolled into view),
  // and each field in error is marked for assistive technology.
  function showErrors(root) {
    root.querySelectorAll(".invalid-feedback[id]").forEach(function (message) {
      var field = document.getElementById(message.id.replace(/_error$/, ""));
      if (field) {
        field.classList.add("is-invalid");
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", message.id);
        if (field.tomselect) { field.tomselect.wrapper.classList.add("is-invalid"); }
      }
    });
    var summary = root.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }
  // A link of the summary moves the focus to its field, not only the scroll.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      var shown = field.tomselect ? field.tomselect.wrapper : field;
      shown.scrollIntoView({block: "center"});
      if (field.tomselect) { field.tomselect.focus(); } else { field.focus(); }
    }
  });

  // Textareas grow with their text (CSS field-sizing where the browser has it, else here).
  function fitTextarea(area) {
    if (CSS.supports && CSS.supports("field-sizing", "content")) { return; }
    area.style.height = "auto";
    area.style.height = Math.min(area.scrollHeight + 2, window.innerHeight * 0.6) + "px";
  }
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea.form-control")) { fitTextarea(event.target); }
  });
  // Searchable selects (Tom Select): every multi-select and every select of more than a dozen options, searched
  // without accents ("ha noi" finds "Hà Nội", "da nang" finds "Đà Nẵng"). <select data-plain> keeps the native one.
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase();
  }
  function searchable(root) {
    if (typeof window.TomSelect === "undefined") { return; }
    root.querySelectorAll("select").forEach(function (select) {
      if (select.tomselect || select.hasAttribute("data-plain") || select.closest("[data-plain]")) { return; }
      var lookup = select.getAttribute("data-lookup");  // options fetched as the user types (core.widgets)
      if (!lookup && !select.multiple && select.options.length <= 12) { return; }
      Array.prototype.forEach.call(select.options, function (option) {
        // Found by its other names too (data-aliases: "Kazakhstan" finds Ca-dắc-xtan), shown by its one name.
        option.setAttribute("data-search", fold(option.textContent + " " + (option.getAttribute("data-aliases") || "")));
      });
      var remote = !lookup ? {} : {
        // The server matched (accent-insensitive, within the user's rights): keep what it sent.
        score: function () { return function () { return 1; }; },
        shouldLoad: function (query) { return query.trim().length >= 1; },
        loadThrottle: 250,
        load: function (query, callback) {
          var self = this;
          self.clearOptions();
          fetch(lookup + "&q=" + encodeURIComponent(query), {credentials: "same-origin"})
            .then(function (response) { return response.ok ? response.json() : {results: []}; })
            .then(function (data) { callback(data.results); })
            .catch(function () { callback(); });
        },
      };
      var control = new window.TomSelect(select, Object.assign({
        plugins: select.multiple ? ["remove_button"] : [],
        maxOptions: null,
        searchField: ["search"],
        hidePlaceholder: true,
        render: {no_results: function () { return "<div class=\"no-results\">" + gettext("Không tìm thấy") + "</div>"; }},
        score: function (query) {
          var wanted = fold(query).split(/\s+/).filter(Boolean);
          return function (item) {
            var text = item.search || fold(item.text);
            return wanted.every(function (word) { return text.indexOf(word) !== -1; }) ? 1 : 0;
          };
        },
        onItemAdd: function () { if (select.multiple) { this.setTextboxValue(""); this.refreshOptions(false); } },
      }, remote));
      // Tom Select points the label at its own search box; the select it hides keeps the label's name too.
      var label = document.getElementById(select.id + "-ts-label");
      if (label && !select.hasAttribute("aria-label")) { select.setAttribute("aria-label", label.textContent.trim()); }
    });
  }

  // A table wider than the screen scrolls sideways: it can be reached and scrolled with the keyboard too.
  function scrollables(root) {
    root.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) { box.setAttribute("tabindex", "0"); }
    });
  }

  function ready(root) {
    searchable(root);
    scrollables(root);
    showErrors(root);
    root.querySelectorAll("textarea.form-control").forEach(fitTextarea);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { ready(document); });
  } else { ready(document); }
  document.addEventListener("htmx:afterSwap", function (event) { ready(event.target); });

  // A form sent by htmx that comes back refused (400, 422) shows its errors: htmx swaps only 2xx by default.
  if (window.htmx) {
    window.htmx.config.responseHandling = [
      {code: "204", swap: false},
      {code: "[23]..", swap: true},
      {code: "4(00|22)", swap: true, error: false},
      {code: "[45]..", swap: false, error: true},
      {code: "...", swap: false},
    ];
  }

  // Nothing the user typed is lost unnoticed: a form typed into and not yet sent is "dirty"; leaving the page
  // (a link, another form's button, closing the tab) asks first. htmx requests do not leave the page.
  var leaving = false;
  function dirtyForms(except) {
    return Array.prototype.filter.call(document.querySelectorAll("form[data-dirty]"), function (form) {
      return form !== except;
    });
  }
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && (form.method || "").toLowerCase() === "post" && event.target.type !== "file" &&
        !form.hasAttribute("data-keep-clean")) {
      form.setAttribute("data-dirty", "");
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get")) { return; }
    var others = dirtyForms(form);
    if (others.length && !window.confirm(
      gettext("Bạn có nội dung đã nhập nhưng chưa lưu trên trang này; nếu tiếp tục, nội dung đó sẽ mất. Vẫn tiếp tục?"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!leaving && dirtyForms(null).length) { event.preventDefault(); event.returnValue = ""; }
  });

  // Bulk steps on the ticked rows of a list (core/_bulk_bar.html): "select the page", the count, and the text
  // field of a step that takes one (a reason, a comment).
  function bulkCount() {
    var bar = document.querySelector("[data-bulk]");
    if (!bar) { return; }
    var boxes = document.querySelectorAll("input[name=ids][form=bulk-form]");
    var ticked = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
    bar.querySelector("[data-bulk-count]").textContent =
      ticked ? interpolate(ngettext("Đã chọn %(count)s dòng", "Đã chọn %(count)s dòng", ticked), {count: ticked}, true)
        : gettext("Chưa chọn dòng nào");
    var all = document.querySelector("[data-select-page]");
    if (all) {
      all.checked = boxes.length > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    }
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("[data-select-page]")) {
      document.querySelectorAll("input[name=ids][form=bulk-form]").forEach(function (box) {
        box.checked = target.checked;
      });
    }
    if (target.matches("[data-select-page], input[name=ids][form=bulk-form]")) { bulkCount(); }
    if (target.matches("[data-bulk-step]")) {
      var option = target.options[target.selectedIndex];
      var note = option ? option.getAttribute("data-note") : "";
      var box = document.querySelector("[data-bulk-note]");
      if (box) {
        box.hidden = !note;
        var input = box.querySelector("input");
        input.required = !!note;
        input.placeholder = note ? interpolate(gettext("%(label)s (chung cho các dòng đã chọn)"),
          {label: option.getAttribute("data-note-label")}, true) : "";
        box.querySelector("[data-bulk-note-label]").textContent = option.getAttribute("data-note-label") || "";
      }
    }
  });
  document.addEventListener("htmx:afterSwap", bulkCount);

  // <input data-select-on-focus>: the whole value is selected, ready to copy.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) { event.target.select(); }
  });
})();
