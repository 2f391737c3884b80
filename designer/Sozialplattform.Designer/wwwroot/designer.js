// The designer's only script besides Blazor's: keyboard shortcuts, focus for the tree, downloads. No inline code (CSP).
(function () {
  'use strict';
  var preview = null;
  var watching = false;

  function sendField(event) {
    var wrapper = event.target && event.target.closest ? event.target.closest('.citizen-field[data-path]') : null;
    if (!wrapper || !preview) return;
    var values = {};
    var files = [];
    wrapper.querySelectorAll('input[name], select[name], textarea[name]').forEach(function (control) {
      if ((control.type === 'checkbox' || control.type === 'radio') && !control.checked) return;
      if (control.type === 'file') {
        Array.prototype.forEach.call(control.files || [], function (file) { files.push({ name: file.name, mediaType: file.type, size: file.size }); });
        return;
      }
      (values[control.name] = values[control.name] || []).push(control.value);
    });
    preview.invokeMethodAsync('Typed', wrapper.getAttribute('data-path'), values, files);
  }

  window.sozialDesigner = {
    focus: function (id) {
      var element = document.getElementById(id);
      if (element) { element.focus(); element.scrollIntoView({ block: 'nearest' }); }
    },
    // The preview shows the portal's own field components; what is typed, ticked or chosen in one of them is read the
    // way the portal reads a posted form (every named control of the field, parts as "path.part") and handed to the
    // circuit. Files stay in the browser: only their name, type and size go, as a stand-in.
    watchPreview: function (panel) {
      preview = panel;
      if (watching) return;
      watching = true;
      document.addEventListener('input', sendField, true);
      document.addEventListener('change', sendField, true);
    },
    // A file made in the circuit (the texts for translators), saved by the browser.
    download: function (name, mediaType, base64) {
      var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }
  };

  // The circuit lives on one host. SignalR's usual start is two requests — negotiate, then the WebSocket naming the
  // connection id from it — and a round-robin balancer without sticky sessions sends them to different hosts, where
  // the second is refused. One WebSocket request without negotiation reaches one host and stays there; the circuit's
  // prerendered state is protected with the shared key ring, so any host can start it (docs/DEPLOYMENT.md).
  if (window.Blazor && typeof window.Blazor.start === 'function') {
    window.Blazor.start({
      circuit: {
        configureSignalR: function (builder) {
          builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 /* HttpTransportType.WebSockets */ });
        }
      }
    });
  }

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
