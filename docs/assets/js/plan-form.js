/* The plan forms (udviklingsplan, handleplan) on their pages.
 *
 * Answers are saved as you type in this browser's localStorage, under one key
 * per edition and plan, and can be exported to / imported from a JSON file.
 * "Hent som PDF" and "Hent som Word" fill the site's own plan files (the PDF
 * form and the Word file in downloads/) with the answers, here in the
 * browser, with libraries vendored under assets/vendor/ that load only then.
 * Nothing is ever sent over the network: the page asks its own site for the
 * plan file and the library, nothing else. The page's <form data-cb-plan> names
 * the plan and the edition; the fields are named as in the PDF form.
 *
 * Material's instant navigation swaps pages without reloading this script,
 * so each page is set up from `document$` (a fresh page every time).
 */
(function () {
  "use strict";

  var FORMAT = "coursebook-plan";
  var VERSION = 1;
  var SAVE_DELAY = 600; // ms after the last keystroke
  var MAX_IMPORT_BYTES = 1024 * 1024;

  // the vendored libraries (assets/vendor/README.txt), loaded on first use
  var VENDOR = {
    pdf: ["pdf-lib/pdf-lib.min.js", "fontkit/fontkit.umd.min.js"],
    docx: ["jszip/jszip.min.js"],
  };
  var WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var TYPES = {
    pdf: "application/pdf",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };

  var TEXT = {
    making: "Din udfyldte plan bliver lavet …",
    made: "Din udfyldte plan er gemt i filen {file}.",
    cannotMake:
      "Den udfyldte plan kunne ikke laves ({reason}). Dine svar er ikke ændret; du kan stadig eksportere dem.",
    saved: "Gemt",
    cleared: "Dine svar er slettet fra denne enhed.",
    imported: "Svarene fra filen er indlæst og gemt.",
    importedFrom: "Svarene fra filen er indlæst og gemt. De kommer fra holdet »{edition}«.",
    exported: "Svarene er gemt i filen {file}.",
    confirmClear:
      "Vil du slette alle dine svar til »{plan}« på denne enhed? Det kan ikke fortrydes.",
    confirmImport: "Importen erstatter dine nuværende svar til »{plan}«. Vil du fortsætte?",
    cannotStore:
      "Din browser tillader ikke, at svarene gemmes her. Brug »Eksportér« for at gemme dem i en fil.",
    notJson:
      "Filen kunne ikke læses. Vælg en .json-fil, som du har eksporteret fra en plan i denne håndbog. Dine svar er ikke ændret.",
    tooBig:
      "Filen er for stor til at være en eksport af svar fra denne håndbog. Dine svar er ikke ændret.",
    foreign:
      "Filen indeholder ikke svar, der er eksporteret fra en plan i denne håndbog. Dine svar er ikke ændret.",
    otherPlan:
      "Filen indeholder svar til »{other}«, ikke til »{plan}«. Importér den på siden for »{other}«. Dine svar er ikke ændret.",
    damaged: "Filen er beskadiget: svarene i den kunne ikke læses. Dine svar er ikke ændret.",
    empty: "Filen indeholder ingen svar til »{plan}«. Dine svar er ikke ændret.",
  };

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key];
    });
  }

  function storageKey(form) {
    return "coursebook:" + form.dataset.cbEdition + ":" + form.dataset.cbPlan;
  }

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return (
        (element.tagName === "TEXTAREA" || element.type === "text") && element.name
      );
    });
  }

  function answersOf(form) {
    var answers = {};
    fieldsOf(form).forEach(function (field) {
      answers[field.name] = field.value;
    });
    return answers;
  }

  function hasAnswers(form) {
    return fieldsOf(form).some(function (field) {
      return field.value.trim() !== "";
    });
  }

  function record(form) {
    return {
      format: FORMAT,
      version: VERSION,
      plan: form.dataset.cbPlan,
      planTitle: form.dataset.cbPlanTitle,
      edition: form.dataset.cbEdition,
      editionName: form.dataset.cbEditionName,
      saved: new Date().toISOString(),
      answers: answersOf(form),
    };
  }

  /* --- What the page shows -------------------------------------------- */

  function status(form, message) {
    form.querySelector(".cb-plan-error").textContent = "";
    form.querySelector(".cb-plan-status").textContent = message;
  }

  function error(form, message) {
    form.querySelector(".cb-plan-status").textContent = "";
    form.querySelector(".cb-plan-error").textContent = message;
  }

  /* A textarea grows with its text; its print copy shows all of it on paper. */
  function fit(field) {
    if (field.tagName !== "TEXTAREA") return;
    field.style.height = "auto";
    field.style.height = field.scrollHeight + 2 + "px";
    var copy = field.nextElementSibling;
    if (copy && copy.classList.contains("cb-plan-print-copy")) {
      copy.textContent = field.value;
    }
  }

  function fill(form, answers) {
    fieldsOf(form).forEach(function (field) {
      var value = answers[field.name];
      field.value = typeof value === "string" ? value : "";
      fit(field);
    });
  }

  /* --- localStorage ----------------------------------------------------- */

  function load(form) {
    try {
      var stored = window.localStorage.getItem(storageKey(form));
      var data = stored && JSON.parse(stored);
      return data && data.format === FORMAT && isAnswers(data.answers)
        ? data.answers
        : null;
    } catch (_) {
      return null; // unreadable storage counts as no answers
    }
  }

  function save(form) {
    try {
      if (hasAnswers(form)) {
        window.localStorage.setItem(storageKey(form), JSON.stringify(record(form)));
      } else {
        window.localStorage.removeItem(storageKey(form));
      }
      status(form, TEXT.saved);
    } catch (_) {
      error(form, TEXT.cannotStore);
    }
  }

  /* --- Export and import ------------------------------------------------ */

  function isAnswers(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).every(function (key) {
      return typeof value[key] === "string";
    });
  }

  function exportAnswers(form) {
    var data = record(form);
    var name = data.plan + "-" + data.edition + ".json";
    download(JSON.stringify(data, null, 2) + "\n", name, "application/json");
    status(form, say(TEXT.exported, { file: name }));
  }

  /* The message for a file that cannot be imported, or null if it can. */
  function problemWith(form, data) {
    var plan = form.dataset.cbPlanTitle;
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return TEXT.foreign;
    }
    if (data.plan !== form.dataset.cbPlan) {
      return say(TEXT.otherPlan, {
        other: typeof data.planTitle === "string" ? data.planTitle : String(data.plan),
        plan: plan,
      });
    }
    if (!isAnswers(data.answers)) return TEXT.damaged;
    var known = fieldsOf(form).some(function (field) {
      return Object.prototype.hasOwnProperty.call(data.answers, field.name);
    });
    return known ? null : say(TEXT.empty, { plan: plan });
  }

  function importFile(form, file) {
    if (file.size > MAX_IMPORT_BYTES) {
      error(form, TEXT.tooBig);
      return;
    }
    file.text().then(
      function (text) {
        var data;
        try {
          data = JSON.parse(text);
        } catch (_) {
          error(form, TEXT.notJson);
          return;
        }
        var problem = problemWith(form, data);
        if (problem) {
          error(form, problem);
          return;
        }
        var plan = form.dataset.cbPlanTitle;
        if (hasAnswers(form) && !window.confirm(say(TEXT.confirmImport, { plan: plan }))) {
          return;
        }
        fill(form, data.answers);
        save(form);
        status(
          form,
          data.edition && data.edition !== form.dataset.cbEdition
            ? say(TEXT.importedFrom, { edition: data.editionName || data.edition })
            : TEXT.imported
        );
      },
      function () {
        error(form, TEXT.notJson);
      }
    );
  }

  /* --- The official plan, filled in ------------------------------------ */

  var loaded = {}; // script address → promise

  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () {
          delete loaded[src];
          reject(new Error("kunne ikke hente " + src.split("/").pop()));
        };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  function loadVendor(form, kind) {
    var base = new URL(form.dataset.cbVendor, document.baseURI).href;
    return VENDOR[kind].reduce(function (previous, file) {
      return previous.then(function () {
        return loadScript(base + file);
      });
    }, Promise.resolve());
  }

  function fetchBytes(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("planen kunne ikke hentes (" + response.status + ")");
      return response.arrayBuffer();
    });
  }

  /* The font file the PDF's fields are drawn in (DejaVu Sans, cut to the
     WinAnsi characters: æøå and the rest of Western European text). */
  function fieldFont(pdf) {
    var lib = window.PDFLib;
    var name = lib.PDFName.of;
    var acroForm = pdf.catalog.lookup(name("AcroForm"), lib.PDFDict);
    var fonts = acroForm.lookup(name("DR"), lib.PDFDict).lookup(name("Font"), lib.PDFDict);
    var used = null;
    pdf.getForm().getFields().some(function (field) {
      var match = /\/([^\s/]+)\s+[\d.]+\s+Tf/.exec(field.acroField.getDefaultAppearance() || "");
      used = match && match[1];
      return used;
    });
    if (!used) throw new Error("feltenes skrift mangler");
    var font = fonts.lookup(name(used), lib.PDFDict);
    var descendants = font.lookup(name("DescendantFonts"));
    if (descendants) font = descendants.lookup(0, lib.PDFDict); // a CID font
    var descriptor = font.lookup(name("FontDescriptor"), lib.PDFDict);
    return lib.decodePDFRawStream(descriptor.lookup(name("FontFile2"))).decode();
  }

  /* Each field's /DA as plain text: pdf-lib reads font and size from it with
     a pattern, and a PDF writer may have escaped its characters ("\057"). */
  function plainAppearances(pdf) {
    var lib = window.PDFLib;
    pdf.getForm().getFields().forEach(function (field) {
      var appearance = field.acroField.dict.lookup(lib.PDFName.of("DA"));
      if (appearance && appearance.decodeText) {
        field.acroField.setDefaultAppearance(appearance.decodeText());
      }
    });
  }

  function filledPdf(form, bytes) {
    var lib = window.PDFLib;
    var answers = answersOf(form);
    return lib.PDFDocument.load(bytes).then(function (pdf) {
      pdf.registerFontkit(window.fontkit);
      plainAppearances(pdf);
      // as it is (already cut to a few hundred glyphs): fontkit's subsetting
      // fails on DejaVu Sans
      return pdf.embedFont(fieldFont(pdf), { subset: false }).then(function (font) {
        var fields = pdf.getForm();
        fields.getFields().forEach(function (field) {
          var value = answers[field.getName()];
          if (typeof value === "string" && value !== "") field.setText(value);
        });
        // appearances drawn now, in the fields' own font and size: every
        // viewer shows the answers, none has to redraw them
        fields.updateFieldAppearances(font);
        fields.acroForm.dict.delete(lib.PDFName.of("NeedAppearances"));
        return pdf.save({ updateFieldAppearances: false });
      });
    });
  }

  function wordElement(document, name) {
    return document.createElementNS(WORD_NS, "w:" + name);
  }

  /* Each answer into the content control tagged with its field's name. */
  function filledDocx(form, bytes) {
    var answers = answersOf(form);
    return window.JSZip.loadAsync(bytes).then(function (zip) {
      var part = zip.file("word/document.xml");
      return part.async("string").then(function (xml) {
        var doc = new DOMParser().parseFromString(xml, "application/xml");
        var controls = doc.getElementsByTagNameNS(WORD_NS, "sdt");
        Array.prototype.forEach.call(controls, function (control) {
          var tag = control.getElementsByTagNameNS(WORD_NS, "tag")[0];
          var value = tag && answers[tag.getAttributeNS(WORD_NS, "val")];
          if (typeof value !== "string" || value === "") return;
          var placeholder = control.getElementsByTagNameNS(WORD_NS, "showingPlcHdr")[0];
          if (placeholder) placeholder.remove();
          var content = control.getElementsByTagNameNS(WORD_NS, "sdtContent")[0];
          var paragraph = content.getElementsByTagNameNS(WORD_NS, "p")[0];
          Array.prototype.slice
            .call(paragraph.childNodes)
            .forEach(function (node) {
              if (node.localName === "r") node.remove();
            });
          value.split(/\r?\n/).forEach(function (line, index) {
            var run = wordElement(doc, "r");
            if (index) run.appendChild(wordElement(doc, "br"));
            var text = wordElement(doc, "t");
            text.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
            text.textContent = line;
            run.appendChild(text);
            paragraph.appendChild(run);
          });
        });
        zip.file("word/document.xml", new XMLSerializer().serializeToString(doc));
        return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      });
    });
  }

  /* Save bytes (or text) as a file named name, without leaving the page. */
  function download(bytes, name, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: type }));
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  function downloadFilled(form, kind, button) {
    var plan = form.dataset.cbPlan;
    var source = new URL(kind === "pdf" ? form.dataset.cbPdf : form.dataset.cbDocx, document.baseURI).href;
    var name = plan + "-" + form.dataset.cbEdition + "-udfyldt." + kind;
    button.disabled = true;
    status(form, TEXT.making);
    return Promise.all([loadVendor(form, kind), fetchBytes(source)])
      .then(function (results) {
        return (kind === "pdf" ? filledPdf : filledDocx)(form, results[1]);
      })
      .then(
        function (bytes) {
          download(bytes, name, TYPES[kind]);
          status(form, say(TEXT.made, { file: name }));
        },
        function (problem) {
          error(form, say(TEXT.cannotMake, { reason: problem.message || String(problem) }));
        }
      )
      .then(function () {
        button.disabled = false;
      });
  }

  function clearAnswers(form) {
    var plan = form.dataset.cbPlanTitle;
    if (!window.confirm(say(TEXT.confirmClear, { plan: plan }))) return;
    fill(form, {});
    try {
      window.localStorage.removeItem(storageKey(form));
    } catch (_) {
      // nothing stored, nothing to remove
    }
    status(form, TEXT.cleared);
  }

  /* --- Setting up a form ------------------------------------------------ */

  function setUp(form) {
    form.dataset.cbReady = "true";
    var timer = null;

    function saveNow() {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      save(form);
    }

    fieldsOf(form).forEach(function (field) {
      if (field.tagName === "TEXTAREA") {
        var copy = document.createElement("div");
        copy.className = "cb-plan-print-copy";
        copy.setAttribute("aria-hidden", "true");
        field.after(copy);
      }
    });
    var stored = load(form);
    if (stored) fill(form, stored);
    fieldsOf(form).forEach(fit);

    form.addEventListener("input", function (event) {
      fit(event.target);
      clearTimeout(timer);
      timer = setTimeout(function () {
        timer = null;
        save(form);
      }, SAVE_DELAY);
    });
    form.addEventListener("focusout", saveNow);

    var picker = form.querySelector("[data-cb-import]");
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      picker.value = ""; // the same file may be chosen again
      if (file) importFile(form, file);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-cb-action]");
      if (!button) return;
      var action = button.dataset.cbAction;
      if (action === "print") {
        saveNow();
        window.print();
      } else if (action === "pdf" || action === "docx") {
        saveNow();
        downloadFilled(form, action, button);
      } else if (action === "export") {
        saveNow();
        exportAnswers(form);
      } else if (action === "import") {
        picker.click();
      } else if (action === "clear") {
        clearAnswers(form);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // Enter in a one-line field must not reload the page
    });

    form.querySelectorAll("[data-cb-needs-script]").forEach(function (element) {
      element.hidden = false;
    });
    return { form: form, saveNow: saveNow };
  }

  var forms = []; // the forms on the page shown now

  function setUpPage() {
    // an instant navigation away must not lose the last keystrokes
    forms.forEach(function (current) {
      current.saveNow();
    });
    var fresh = Array.prototype.filter
      .call(document.querySelectorAll("form[data-cb-plan]"), function (form) {
        // the print page (hele-guiden) shows the questions, not a second form
        return !form.closest("#print-site-page") && !form.dataset.cbReady;
      })
      .map(setUp);
    forms = forms
      .filter(function (current) {
        return current.form.isConnected;
      })
      .concat(fresh);
  }

  // closing the tab or leaving the site must not lose them either
  window.addEventListener("pagehide", function () {
    forms.forEach(function (current) {
      current.saveNow();
    });
  });
  window.addEventListener("resize", function () {
    forms.forEach(function (current) {
      fieldsOf(current.form).forEach(fit);
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
