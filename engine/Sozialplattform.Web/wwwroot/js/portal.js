// Progressive enhancement for every portal page. Without JavaScript everything works through form posts.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // The GOV.UK pattern: after a failed submit, focus the error summary so screen readers announce it.
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();

  // Links in the error summary move the focus to the input, not just the scroll position.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-error-summary] a[href^="#"]');
    if (!link) return;
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  });

  // After "Person hinzufügen" the page opens at the new row (#g-…): the focus goes to the row's first input.
  var row = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (row && row.classList.contains('repeat__row') && !summary) {
    var first = row.querySelector('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
    // After the load: the browser's own scroll to the fragment would otherwise take the focus back to the page.
    if (first) window.addEventListener('load', function () { setTimeout(function () { first.focus(); }, 0); });
  }

  // Print buttons (the result of a questionnaire) need JavaScript; without it the print view link is there.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  // Read-only links (resume and status links) are selected with one click, ready to copy.
  document.querySelectorAll('input[readonly]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
  });
})();
