// The video call of a conversation (WebRTC, peer to peer), an enhancement only: without JavaScript, SignalR or WebRTC the
// panel keeps its sentence that video needs them, and the written conversation works as before. Signalling goes over the
// counselling's hub; the server checks every step against the stored call (who, which connection, until when). The
// counsellor prepares (lobby: own preview, device states) and starts; the seeker hears it ring, prepares and accepts or
// declines. No sound before the person chose to call or to accept; the own preview is always muted.
(function () {
  var root = document.querySelector("[data-video]");
  if (!root || !window.signalR) return;
  var texts = JSON.parse(root.getAttribute("data-video-texts") || "{}");
  var role = root.getAttribute("data-video-role");
  var conversation = root.getAttribute("data-video-conversation");
  var $ = function (name) { return root.querySelector("[data-video-" + name + "]"); };
  var status = $("status");
  root.querySelector("[data-video-fallback]").textContent = texts.unsupported;
  if (!window.RTCPeerConnection || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  $("fallback").hidden = true;
  $("ready").hidden = false;

  var connection = new signalR.HubConnectionBuilder().withUrl(root.getAttribute("data-video-hub")).withAutomaticReconnect().build();
  var local = null, peer = null, call = null, pending = [], remoteSet = false, ringTimer = null, endTimer = null;

  function say(text) { status.textContent = text; }
  function refusal(error) {
    var message = error && error.message ? error.message : "";
    var at = message.indexOf("HubException: ");
    return at >= 0 ? message.substring(at + 14) : texts.failed;
  }
  function show(name, visible) { $(name).hidden = !visible; }
  function state(name, text) { $(name + "-state").textContent = text; }

  // The lobby: asks for camera and microphone, shows the own picture and what works; the call starts only with at least one device.
  function prepare() {
    show("lobby", true);
    $("lobby-heading").focus();
    state("camera", "…");
    state("microphone", "…");
    return media({ video: true, audio: true }).catch(function (both) {
      if (both.name === "NotAllowedError" || both.name === "SecurityError") throw both;
      return media({ video: true }).catch(function (error) { state("camera", reason(error)); return media({ audio: true }); });
    }).then(function (stream) {
      local = stream;
      $("local").srcObject = stream;
      if (stream.getVideoTracks().length) state("camera", texts.ready + " (" + stream.getVideoTracks()[0].label + ")");
      if (stream.getAudioTracks().length) state("microphone", texts.ready + " (" + stream.getAudioTracks()[0].label + ")");
      else state("microphone", texts.missing);
      say(stream.getVideoTracks().length && stream.getAudioTracks().length ? texts.devicesReady : "");
      var go = $(role === "counsellor" ? "start" : "accept");
      go.disabled = false;
      return stream;
    }).catch(function (error) {
      state("camera", reason(error));
      state("microphone", reason(error));
      say(error.name === "NotAllowedError" || error.name === "SecurityError" ? texts.deniedHelp : texts.noDevices);
    });
  }
  function media(constraints) { return navigator.mediaDevices.getUserMedia(constraints); }
  function reason(error) {
    if (error.name === "NotAllowedError" || error.name === "SecurityError") return texts.denied;
    if (error.name === "NotReadableError") return texts.busy;
    return texts.missing;
  }

  function connect(join) {
    call = join;
    var servers = join.iceServers.map(function (s) {
      var server = { urls: s.urls };
      if (s.username) { server.username = s.username; server.credential = s.credential; }
      return server;
    });
    peer = new RTCPeerConnection({ iceServers: servers, iceTransportPolicy: join.iceTransportPolicy });
    window.sozialVideoPeer = peer; // read by the browser test (getStats), nothing else
    local.getTracks().forEach(function (track) { peer.addTrack(track, local); });
    peer.onicecandidate = function (event) {
      var c = event.candidate;
      if (c) connection.invoke("SendCandidate", call.callId, c.candidate, c.sdpMid, c.sdpMLineIndex).catch(function (error) { say(refusal(error)); });
    };
    peer.ontrack = function (event) {
      var remote = $("remote");
      if (remote.srcObject !== event.streams[0]) remote.srcObject = event.streams[0];
    };
    peer.onconnectionstatechange = function () {
      if (peer.connectionState === "connected") say(texts.connected);
      if (peer.connectionState === "failed") { say(texts.failed); hangUp(); }
    };
    show("lobby", false);
    show("call", true);
    $("call-heading").focus();
    say(texts.connecting);
    clearTimeout(endTimer);
    endTimer = setTimeout(hangUp, Math.max(0, new Date(join.expiresAt).getTime() - Date.now()));
  }

  function flush() {
    remoteSet = true;
    pending.splice(0).forEach(function (c) { peer.addIceCandidate(c).catch(function () { /* a late candidate of a closed call */ }); });
  }

  // Ends the own side: the peer, the devices (the camera's light goes off), the panels; tells the server unless told by it.
  function close(text, tellServer) {
    clearTimeout(ringTimer);
    clearTimeout(endTimer);
    if (call && tellServer) connection.invoke("HangUp", call.callId).catch(function () { /* already ended */ });
    if (peer) peer.close();
    if (local) local.getTracks().forEach(function (track) { track.stop(); });
    peer = null; local = null; call = null; pending = []; remoteSet = false;
    $("remote").srcObject = null;
    $("local").srcObject = null;
    show("call", false);
    show("lobby", false);
    if (role === "seeker") show("invitation", false);
    say(text);
    if (role === "counsellor") $("start").disabled = true;
    // focus back where the reader goes on: the counsellor's "check camera" button, the seeker's panel heading
    (role === "counsellor" ? $("prepare") : root.querySelector("h2")).focus();
  }
  function hangUp() { close(texts.ended, true); }

  connection.on("offer", function (callId, sdp) {
    if (!call || callId !== call.callId || !peer) return;
    peer.setRemoteDescription({ type: "offer", sdp: sdp }).then(function () {
      flush();
      return peer.createAnswer();
    }).then(function (answer) { return peer.setLocalDescription(answer); })
      .then(function () { return connection.invoke("SendAnswer", call.callId, peer.localDescription.sdp); })
      .catch(function (error) { say(refusal(error)); });
  });
  connection.on("answer", function (callId, sdp) {
    if (!call || callId !== call.callId || !peer) return;
    peer.setRemoteDescription({ type: "answer", sdp: sdp }).then(flush).catch(function (error) { say(refusal(error)); });
  });
  connection.on("candidate", function (callId, candidate, sdpMid, sdpMLineIndex) {
    if (!call || callId !== call.callId || !peer) return;
    var c = { candidate: candidate, sdpMid: sdpMid, sdpMLineIndex: sdpMLineIndex };
    if (remoteSet) peer.addIceCandidate(c).catch(function () { /* ignored */ }); else pending.push(c);
  });
  connection.on("callEnded", function (callId, why) {
    if (!call || callId !== call.callId) return;
    close(why === "declined" ? texts.declined : texts.ended, false);
  });

  $("hangup").addEventListener("click", hangUp);
  $("mute").addEventListener("click", function () { toggle(this, local && local.getAudioTracks(), texts.muteOn, texts.muteOff); });
  $("camera").addEventListener("click", function () { toggle(this, local && local.getVideoTracks(), texts.cameraOff, texts.cameraOn); });
  function toggle(button, tracks, onText, offText) {
    if (!tracks) return;
    var off = button.getAttribute("aria-pressed") !== "true";
    tracks.forEach(function (track) { track.enabled = !off; });
    button.setAttribute("aria-pressed", off ? "true" : "false");
    button.textContent = off ? offText : onText;
  }

  if (role === "counsellor") {
    $("prepare").addEventListener("click", prepare);
    $("start").addEventListener("click", function () {
      $("start").disabled = true;
      connection.invoke("StartCall", conversation).then(function (join) {
        call = join;
        say(texts.calling.replace("{0}", Math.max(1, Math.round((new Date(join.expiresAt).getTime() - Date.now()) / 60000))));
        ringTimer = setTimeout(function () { close(texts.noAnswer, true); }, Math.max(0, new Date(join.expiresAt).getTime() - Date.now()));
      }).catch(function (error) { $("start").disabled = false; say(refusal(error)); });
    });
    connection.on("callAccepted", function (callId) {
      if (!call || callId !== call.callId || !local) return;
      clearTimeout(ringTimer);
      connect(call);
      peer.createOffer().then(function (offer) { return peer.setLocalDescription(offer); })
        .then(function () { return connection.invoke("SendOffer", call.callId, peer.localDescription.sdp); })
        .catch(function (error) { say(refusal(error)); });
    });
  } else {
    var ringing = null;
    var invite = function (ring) {
      if (!ring || call) return;
      ringing = ring;
      show("invitation", true);
      say(texts.invited);
      clearTimeout(ringTimer);
      ringTimer = setTimeout(withdraw, Math.max(0, new Date(ring.expiresAt).getTime() - Date.now()));
    };
    var withdraw = function () {
      if (call) return;
      ringing = null;
      show("invitation", false);
      show("lobby", false);
      if (local) { local.getTracks().forEach(function (track) { track.stop(); }); local = null; }
      say(texts.withdrawn);
    };
    connection.on("callRinging", invite);
    connection.on("callClosed", function (callId) { if (ringing && ringing.callId === callId) withdraw(); });
    $("prepare").addEventListener("click", function () { show("invitation", false); prepare(); });
    root.querySelectorAll("[data-video-decline]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (!ringing) return;
        var id = ringing.callId;
        connection.invoke("DeclineCall", id).catch(function () { /* ended meanwhile */ });
        withdraw();
        say(texts.declined);
      });
    });
    $("accept").addEventListener("click", function () {
      if (!ringing || !local) return;
      $("accept").disabled = true;
      connection.invoke("AcceptCall", ringing.callId).then(function (join) {
        clearTimeout(ringTimer);
        ringing = null;
        connect(join);
      }).catch(function (error) { $("accept").disabled = false; say(refusal(error)); });
    });
  }

  function watch() { return role === "seeker" ? connection.invoke("WatchCalls", conversation).then(function (ring) { invite(ring); }) : Promise.resolve(); }
  connection.onreconnected(function () { watch().catch(function () { /* the page keeps working */ }); });
  connection.start().then(watch).catch(function () { /* the written conversation keeps working */ });
})();
