// Crowd2FA WebAuthn ceremony, loaded as a static file (the pages' CSP forbids inline script).
// The form carries the server's options as JSON in data-options; the response goes back in the
// hidden field "credential". Messages come from data-msg-* attributes (the message bundle).
(function () {
  'use strict';

  function b64urlToBytes(value) {
    var b64 = value.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) { b64 += '='; }
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }

  function bytesToB64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = '';
    for (var i = 0; i < bytes.length; i++) { raw += String.fromCharCode(bytes[i]); }
    return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function show(form, key) {
    var box = form.querySelector('[role=alert]');
    box.textContent = form.getAttribute('data-msg-' + key);
    box.hidden = false;
  }

  function decodeRequest(options) {
    var pk = options.publicKey;
    pk.challenge = b64urlToBytes(pk.challenge);
    if (pk.user) { pk.user.id = b64urlToBytes(pk.user.id); }
    (pk.allowCredentials || []).concat(pk.excludeCredentials || []).forEach(function (c) {
      c.id = b64urlToBytes(c.id);
    });
    return options;
  }

  function encodeCredential(cred) {
    var r = cred.response;
    var out = {
      id: cred.id, rawId: bytesToB64url(cred.rawId), type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(), response: {
        clientDataJSON: bytesToB64url(r.clientDataJSON)
      }
    };
    if (r.attestationObject) { out.response.attestationObject = bytesToB64url(r.attestationObject); }
    if (r.authenticatorData) { out.response.authenticatorData = bytesToB64url(r.authenticatorData); }
    if (r.signature) { out.response.signature = bytesToB64url(r.signature); }
    if (r.userHandle) { out.response.userHandle = bytesToB64url(r.userHandle); }
    return out;
  }

  function run(form, button) {
    if (!window.PublicKeyCredential || !navigator.credentials) { show(form, 'unsupported'); return; }
    var options = decodeRequest(JSON.parse(form.getAttribute('data-options')));
    var call = form.getAttribute('data-ceremony') === 'create'
      ? navigator.credentials.create(options) : navigator.credentials.get(options);
    button.disabled = true;
    call.then(function (cred) {
      form.querySelector('input[name=credential]').value = JSON.stringify(encodeCredential(cred));
      form.submit();
    }).catch(function (err) {
      button.disabled = false;
      if (err && err.name === 'NotAllowedError') { show(form, 'cancelled'); }
      else if (err && err.name === 'AbortError') { show(form, 'timeout'); }
      else { show(form, 'failed'); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form[data-webauthn]');
    Array.prototype.forEach.call(forms, function (form) {
      var button = form.querySelector('button');
      if (!window.PublicKeyCredential) { show(form, 'unsupported'); button.disabled = true; return; }
      button.addEventListener('click', function (event) {
        event.preventDefault();
        if (form.reportValidity()) { run(form, button); }
      });
    });
  });
}());
