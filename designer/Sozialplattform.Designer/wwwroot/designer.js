// The designer's only script besides Blazor's: keyboard shortcuts and focus for the tree. No inline code (CSP).
(function () {
  'use strict';

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
