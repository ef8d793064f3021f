// The error summary (common/includes/error_summary.html): when a page shows one, focus moves to
// it so it is read out first; each of its links moves focus to the field it names, with the
// field's label or legend scrolled into view above it.
const summary = document.querySelector(".error-summary");

function labelFor(field) {
  // A date's boxes, radio buttons and checkboxes are read with their group's legend.
  const legend = field.closest(".field__fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
  return legend || label || field;
}

if (summary) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    labelFor(field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
}
