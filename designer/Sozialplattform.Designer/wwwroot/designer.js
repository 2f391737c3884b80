// The designer's only script besides Blazor's: keyboard shortcuts and focus for the tree. No inline code (CSP).
(function () {
  'use strict';
  window.sozialDesigner = {
    focus: function (id) {
      var element = document.getElementById(id);
      if (element) { element.focus(); element.scrollIntoView({ block: 'nearest' }); }
    }
  };

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (target && target.getAttribute && target.getAttribute('role') === 'treeitem' && /^(ArrowUp|ArrowDown|Home|End)$/.test(event.key)) {
      event.preventDefault();
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    var key = event.key.toLowerCase();
    var shortcut = key === 's' ? 'save'
      : !typing && key === 'z' && !event.shiftKey ? 'undo'
      : !typing && (key === 'y' || (key === 'z' && event.shiftKey)) ? 'redo'
      : null;
    var button = shortcut && document.querySelector('[data-shortcut="' + shortcut + '"]');
    if (!button || button.disabled) return;
    event.preventDefault();
    if (typing) target.blur(); // the field's change is applied before the save
    button.click();
  });
})();
