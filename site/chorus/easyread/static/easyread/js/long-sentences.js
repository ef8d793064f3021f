/*
 * Easy Read: mark sentence fields whose sentences run over the word limit, as the editor types.
 *
 * Loaded on every page editor (chorus.easyread.wagtail_hooks, insert_editor_js). It looks only
 * at fields inside an element with the class "easy-read-sentence" (the Easy Read blocks'
 * form_classname) and counts words as chorus/easyread/sentences.py does: a sentence ends at
 * ".", "!" or "?" before a space; a word is a run of non-spaces with a letter or digit in it.
 * A long sentence gets a note below the field, tied to it with aria-describedby. Saving is
 * never blocked: the server lists long sentences again after a save.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var maxWords = Number(script.dataset.maxWords) || 15;
  var template = script.dataset.message || "{count} words: Easy Read sentences have {max} or fewer.";
  var FIELDS = ".easy-read-sentence textarea, .easy-read-sentence input[type='text']";
  var SENTENCE_END = /([.!?]["'\u201d\u2019)\]]*)\s+/;
  var WORD = /[\p{L}\p{N}_]/u;

  function countWords(sentence) {
    return sentence.split(/\s+/).filter(function (token) { return WORD.test(token); }).length;
  }

  function longestSentence(text) {
    // split() with a capturing group keeps the endings: every other part is one.
    var parts = text.split(SENTENCE_END).filter(function (part, index) { return index % 2 === 0; });
    return parts.reduce(function (most, part) { return Math.max(most, countWords(part)); }, 0);
  }

  function describe(field, noteId, on) {
    var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== noteId;
    });
    if (on) ids.push(noteId);
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
  }

  function check(field) {
    if (!field.id) return;
    var noteId = field.id + "-easy-read-note";
    var note = document.getElementById(noteId);
    var words = longestSentence(field.value || "");
    if (words > maxWords) {
      if (!note) {
        note = document.createElement("p");
        note.id = noteId;
        note.className = "easy-read-note";
        note.style.color = "#b30000";
        note.style.fontWeight = "bold";
        note.style.marginTop = "0.25rem";
        field.insertAdjacentElement("afterend", note);
      }
      var text = template.replace("{count}", words).replace("{max}", maxWords);
      // Only when it changes: a change is a mutation, which would run this again.
      if (note.textContent !== text) note.textContent = text;
      field.dataset.easyReadLong = "true";
      field.style.outline = "3px solid #b30000";
      describe(field, noteId, true);
    } else if (note) {
      note.remove();
      delete field.dataset.easyReadLong;
      field.style.outline = "";
      describe(field, noteId, false);
    }
  }

  function checkAll() {
    document.querySelectorAll(FIELDS).forEach(check);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(FIELDS)) check(event.target);
  });

  // StreamField draws its blocks after the page loads, and again when one is added.
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      checkAll();
    });
  }).observe(document.body, { childList: true, subtree: true });
  checkAll();
})();
