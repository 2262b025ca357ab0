// Password managers through the Credential Management API, where the browser has it: a saved
// sign-in fills the fields when the sign-in screen opens, and a successful sign-in on a trusted
// device is offered for saving.

// The password is held here only between sending the sign-in and its answer.
let pendingCredential = null;
Module.credentialSent = function (email, password) { pendingCredential = { email, password }; };
Module.credentialAnswered = function (accepted, remember) {
  const c = pendingCredential;
  pendingCredential = null;
  if (!c || !accepted || !remember || !window.PasswordCredential || !navigator.credentials) return;
  navigator.credentials.store(new PasswordCredential({ id: c.email, password: c.password })).catch(() => {});
};
Module.requestCredential = function () {
  if (!window.PasswordCredential || !navigator.credentials || !Module._app_credential) return;
  navigator.credentials.get({ password: true, mediation: 'optional' })
    .then((c) => {
      if (!c || c.type !== 'password') return;
      withCString(c.id, (id) => withCString(c.password || '', (pw) => Module._app_credential(id, pw)));
      wake(4);
    })
    .catch(() => {});
};
