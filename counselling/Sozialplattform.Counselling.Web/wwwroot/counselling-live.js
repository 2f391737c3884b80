// Live updates of a conversation or a desk, an enhancement only: without JavaScript (or without this file) the page
// works by reload. The hub says only "changed"; the page then fetches itself through its normal, access-checked address
// and swaps in the part that changes (the thread, or the desk's lists) — never while the reader is typing a reply.
(function () {
  var root = document.querySelector("[data-live-conversation], [data-live-desk]");
  if (!root || !window.signalR) return;
  var part = root.getAttribute("data-live-part");
  var connection = new signalR.HubConnectionBuilder().withUrl(root.getAttribute("data-live-hub")).withAutomaticReconnect().build();
  function follow() {
    var conversation = root.getAttribute("data-live-conversation");
    return conversation ? connection.invoke("FollowConversation", conversation) : connection.invoke("FollowDesk", root.getAttribute("data-live-desk"));
  }
  connection.on("changed", function () {
    fetch(location.pathname, { credentials: "same-origin" }).then(function (response) { return response.ok ? response.text() : null; }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(part);
      var current = document.querySelector(part);
      if (fresh && current) current.replaceWith(fresh);
      var status = document.getElementById("live-status");
      if (status) status.textContent = status.getAttribute("data-updated");
    });
  });
  connection.onreconnected(follow);
  connection.start().then(follow).catch(function () { /* the page keeps working by reload */ });
})();
