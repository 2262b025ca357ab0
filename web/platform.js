// learnledger web platform layer (--pre-js): runs before the Emscripten runtime starts.
// Fixes Emscripten 3.1.6's GLFW for phones, wakes the on-demand frame loop, bridges fetch,
// and publishes the stable test/tool face `window.learnledger`.
'use strict';

Module.canvas = document.getElementById('canvas');
Module.preRun = Module.preRun || [];

Module.preRun.push(function () {
  // GLFW routes touches through stale mouse coordinates: ignore touch events there, C++ feeds them.
  const skipTouch = (handler) => function (event) {
    if (event && typeof event.type === 'string' && event.type.startsWith('touch')) return;
    return handler.apply(this, arguments);
  };
  GLFW.onMousemove = skipTouch(GLFW.onMousemove);
  GLFW.onMouseButtonChanged = skipTouch(GLFW.onMouseButtonChanged);
});

// Device storage in IndexedDB (one key-value store): the offline snapshot under 'offline' and the
// certificate files of trainings kept offline under 'file:<idempotency key>'. Read once before the
// runtime starts, so C++ finds the snapshot synchronously; written in the background.
const deviceStore = (() => {
  let opened = null;
  const open = () => opened || (opened = new Promise((resolve, reject) => {
    const request = indexedDB.open('learnledger', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kv');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));
  const run = (mode, act) => open().then((db) => new Promise((resolve, reject) => {
    const transaction = db.transaction('kv', mode);
    const request = act(transaction.objectStore('kv'));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  }));
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    put: (key, value) => run('readwrite', (s) => s.put(value, key)),
    remove: (key) => run('readwrite', (s) => s.delete(key)),
    clear: () => run('readwrite', (s) => s.clear()),
  };
})();
Module.offlineSnapshot = '';
Module.keptFiles = {};  // files kept this session, by key (IndexedDB holds them across restarts)

Module.preRun.push(function () {
  addRunDependency('device-store');
  let done = false;
  const finish = (text) => {
    if (done) return;
    done = true;
    Module.offlineSnapshot = text || '';
    removeRunDependency('device-store');
  };
  // A browser whose IndexedDB never answers (some private modes) must not keep the app from starting.
  setTimeout(() => finish(''), 1500);
  let legacy = '';
  try { legacy = localStorage.getItem('learnledger.offline') || ''; } catch (e) {}
  deviceStore.get('offline')
    .then((text) => {
      if (!text && legacy) return deviceStore.put('offline', legacy).then(() => legacy);  // from earlier versions
      return text;
    })
    .then((text) => {
      try { localStorage.removeItem('learnledger.offline'); } catch (e) {}
      finish(text);
    })
    .catch(() => finish(legacy));
});

Module.saveOffline = function (text) {
  Module.offlineSnapshot = text;
  // No snapshot (signed out, or not a trusted device): the device keeps nothing, files included.
  (text ? deviceStore.put('offline', text) : deviceStore.clear()).catch(() => {});
};

Module.keepCertificate = function (key, onDevice) {
  if (!Module.pickedFile) return;
  Module.keptFiles[key] = Module.pickedFile;
  if (onDevice) deviceStore.put('file:' + key, Module.pickedFile).catch(() => {});
};

Module.forgetCertificate = function (key) {
  delete Module.keptFiles[key];
  deviceStore.remove('file:' + key).catch(() => {});
};

// The file to upload: the one just picked, or the one kept under `key` (null when it is gone).
function uploadFile(source, key) {
  if (source === 1) return Promise.resolve(Module.pickedFile || null);
  if (Module.keptFiles[key]) return Promise.resolve(Module.keptFiles[key]);
  return deviceStore.get('file:' + key).then((file) => file || null, () => null);
}

// The text agent: a hidden input that holds focus while a Dear ImGui text field is active, so the
// soft keyboard opens and text (accents, dead keys, IME, paste) arrives through beforeinput.
const textAgent = document.createElement('input');
textAgent.id = 'text-agent';
textAgent.type = 'text';
for (const [name, value] of [['autocomplete', 'off'], ['autocapitalize', 'off'], ['autocorrect', 'off'], ['spellcheck', 'false'],
                             ['aria-hidden', 'true'], ['tabindex', '-1']]) {
  textAgent.setAttribute(name, value);
}
Object.assign(textAgent.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0',
                                 border: '0', padding: '0', margin: '0', fontSize: '16px', zIndex: '-1' });
document.body.appendChild(textAgent);
Module.textAgent = textAgent;

// The agent takes on the purpose of the field being edited (ui::TextPurpose: 0 text, 1 e-mail,
// 2 password, 3 decimal, 4 search): the phone shows the right keyboard, never learns a password,
// and password managers recognise the sign-in fields.
const textPurposes = [
  { type: 'text', autocomplete: 'off', inputmode: 'text', enterkeyhint: 'done' },
  { type: 'email', autocomplete: 'username', inputmode: 'email', enterkeyhint: 'next' },
  { type: 'password', autocomplete: 'current-password', inputmode: 'text', enterkeyhint: 'go' },
  { type: 'text', autocomplete: 'off', inputmode: 'decimal', enterkeyhint: 'done' },
  { type: 'search', autocomplete: 'off', inputmode: 'search', enterkeyhint: 'search' },
];
let textPurpose = 0;
Module.setTextPurpose = function (purpose) {
  const p = textPurposes[purpose] || textPurposes[0];
  if (purpose === textPurpose) return;
  textPurpose = purpose;
  const focused = document.activeElement === textAgent;
  if (focused) textAgent.blur();  // keyboards pick up a new type on focus
  textAgent.type = p.type;
  for (const name of ['autocomplete', 'inputmode', 'enterkeyhint']) textAgent.setAttribute(name, p[name]);
  textAgent.value = '';
  if (focused) textAgent.focus({ preventScroll: true });
};

// `text` as a UTF-8 C string on the wasm heap; C++ takes it and frees it (take_js_string).
Module.llNewCString = function (text) {
  const size = lengthBytesUTF8(text) + 1;
  const ptr = _malloc(size);
  stringToUTF8(text, ptr, size);
  return ptr;
};

// Calls `fn` with `text` as a UTF-8 C string on the wasm heap, freed afterwards.
function withCString(text, fn) {
  const ptr = Module.llNewCString(text);
  try { fn(ptr); } finally { _free(ptr); }
}

function sendText(text) {
  if (text && Module._app_text_input) withCString(text, (ptr) => Module._app_text_input(ptr));
}

Module.preRun.push(function () {
  // Registered before glfwInit, so they run first. Text typed into the agent arrives through
  // beforeinput: GLFW must not also turn its key presses into characters, nor into key events for
  // keys that only type (Dear ImGui spreads interleaved key and text events over one frame each, so
  // 20 fast characters would take 60 frames to land, and a tap after them would wait behind).
  // Editing keys, arrows and shortcuts (Ctrl, Cmd, Alt) still reach Dear ImGui as keys.
  const typesText = (event) => event.key && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
  window.addEventListener('keypress', (event) => {
    if (event.target === textAgent) event.stopImmediatePropagation();
  }, true);
  for (const type of ['keydown', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (event.target === textAgent && typesText(event)) event.stopImmediatePropagation();
    }, true);
  }
});

// The certificate picker: the chosen File stays here and is uploaded as the body of a request;
// C++ only learns its name, type and size.
const filePicker = document.createElement('input');
filePicker.type = 'file';
filePicker.accept = 'image/*,application/pdf';
filePicker.setAttribute('capture', '');
filePicker.style.display = 'none';
document.body.appendChild(filePicker);
filePicker.addEventListener('change', () => {
  const file = filePicker.files && filePicker.files[0];
  if (!file || !Module._app_file_picked) return;
  Module.pickedFile = file;
  withCString(file.name, (name) => withCString(file.type || '', (type) => Module._app_file_picked(name, type, file.size)));
  filePicker.value = '';
  wake(4);
});
Module.openFilePicker = () => filePicker.click();

const textKeys = { deleteContentBackward: 1, deleteContentForward: 2, insertLineBreak: 3, insertParagraph: 3 };
textAgent.addEventListener('beforeinput', (event) => {
  if (event.inputType === 'insertCompositionText') return;  // composing: wait for compositionend
  if (event.inputType in textKeys) {
    if (Module._app_text_key) Module._app_text_key(textKeys[event.inputType]);
  } else if (event.inputType.startsWith('insert')) {
    sendText(event.data || (event.dataTransfer && event.dataTransfer.getData('text/plain')) || '');
  }
  event.preventDefault();
  wake(4);
});
textAgent.addEventListener('compositionend', (event) => {
  sendText(event.data);
  textAgent.value = '';
  wake(4);
});

function wake(frames) {
  if (Module.calledRun && Module._app_wake) Module._app_wake(frames || 4);
}

// Any input or page change wakes the loop for a few frames; idle pages render nothing.
for (const type of ['pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend',
                    'touchcancel', 'wheel', 'mousedown', 'mouseup', 'mousemove']) {
  Module.canvas.addEventListener(type, () => wake(4), { passive: true });
}
for (const type of ['keydown', 'keyup', 'focus', 'blur']) window.addEventListener(type, () => wake(4));
document.addEventListener('visibilitychange', () => wake(2));
window.addEventListener('online', () => { if (Module._app_online) Module._app_online(); });

function viewportChanged() {
  if (Module.calledRun && Module._app_viewport_changed) Module._app_viewport_changed();
}
window.addEventListener('resize', viewportChanged);
if (window.matchMedia) matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => wake(4));
if (window.visualViewport) window.visualViewport.addEventListener('resize', viewportChanged);
// devicePixelRatio changes (browser zoom, moving between screens) do not always fire resize.
(function watchPixelRatio() {
  const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
  query.addEventListener('change', () => { viewportChanged(); watchPixelRatio(); }, { once: true });
})();

// fetch() bridge: answers return to C++ through _app_http_done; status 0 means no answer.
// fileSource: 0 none, 1 the picked file, 2 the file kept under fileKey.
Module.llFetch = function (id, method, path, body, headers, fileSource, fileKey) {
  const answer = (status, text) => {
    withCString(text, (ptr) => Module._app_http_done(id, status, ptr));
    wake(4);
  };
  const init = { method, credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers) };
  const file = fileSource ? uploadFile(fileSource, fileKey) : Promise.resolve(null);
  file.then((blob) => {
    if (fileSource && !blob) {
      // The kept file is gone (storage cleared): a plain refusal, not a retry forever.
      return answer(410, JSON.stringify({ error: { code: 'certificate_missing', message: 'the certificate file is no longer on this device', field: 'certificate' } }));
    }
    if (blob) {
      init.body = blob;
      init.headers['Content-Type'] = blob.type || 'application/octet-stream';
    } else if (body) {
      init.body = body;
      init.headers['Content-Type'] = 'application/json';
    }
    return fetch(path, init)
      .then((response) => response.text().then((text) => answer(response.status, text)))
      .catch(() => answer(0, ''));
  });
};

// Certificate pictures: fetched (or the picked file), decoded and scaled by the browser, uploaded
// as a WebGL texture registered with Emscripten's GL layer so Dear ImGui can draw it by id.
// Kinds answered to C++: 1 image, 2 document (PDF), 3 unavailable.
const thumbnailTextures = {};
const thumbnailSide = 192;
Module.loadThumbnail = function (key, path) {
  const answer = (kind, texture, width, height) => {
    if (!Module._app_thumbnail) return;
    withCString(key, (ptr) => Module._app_thumbnail(ptr, kind, texture, width, height));
    wake(4);
  };
  const source = path ? fetch(path, { credentials: 'same-origin' }).then((r) => (r.ok ? r.blob() : null))
                      : Promise.resolve(Module.pickedFile || null);
  source
    .then((blob) => {
      if (!blob) return answer(3, 0, 0, 0);
      if (blob.type === 'application/pdf') return answer(2, 0, 0, 0);
      return createImageBitmap(blob).then((full) => {
        const k = Math.min(1, thumbnailSide / Math.max(full.width, full.height));
        const width = Math.max(1, Math.round(full.width * k)), height = Math.max(1, Math.round(full.height * k));
        return createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' }).then((small) => {
          full.close();
          const gl = GLctx;
          const texture = gl.createTexture();
          gl.bindTexture(gl.TEXTURE_2D, texture);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
          gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, small);
          small.close();
          const id = GL.getNewId(GL.textures);
          texture.name = id;
          GL.textures[id] = texture;
          const previous = thumbnailTextures[key];
          if (previous) {
            gl.deleteTexture(GL.textures[previous]);
            GL.textures[previous] = null;
          }
          thumbnailTextures[key] = id;
          answer(1, id, width, height);
        });
      });
    })
    .catch(() => answer(3, 0, 0, 0));
};

// Places in the app live in the URL fragment: back (also Android's) returns to the previous one.
Module.setRoute = function (fragment, replace) {
  if (location.hash === fragment || (fragment === '#' && !location.hash)) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', fragment);
};
window.addEventListener('popstate', () => {
  if (Module._app_route) withCString(location.hash, (ptr) => Module._app_route(ptr));
});

// Password managers (Credential Management API, where the browser has it): a saved sign-in fills
// the fields when the sign-in screen opens, and a successful sign-in on a trusted device offers to
// save it. The password is held here only between sending the sign-in and its answer.
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

// Copy from Dear ImGui text fields goes to the system clipboard (paste arrives via the text agent).
Module.copyText = function (text) {
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
};

// Offline start: the service worker keeps the app shell (never API answers).
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
  navigator.serviceWorker.register('service-worker.js').catch(() => {});
}

Module.onRuntimeInitialized = function () {
  const loading = document.getElementById('loading');
  if (loading) loading.remove();
};

Module.setStatus = function (text) {
  const status = document.getElementById('loading-status');
  if (status && text) status.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading';
};

window.learnledger = {
  // Frames rendered since load: stays constant while the page is idle.
  frames: () => (Module._app_frames ? Module._app_frames() : 0),
  // Widgets of the last frame: {id, role, label, value, x, y, w, h} in CSS pixels.
  items: () => (Module._app_items_json ? JSON.parse(UTF8ToString(Module._app_items_json())) : []),
  ready: () => !!(Module.calledRun && Module._app_frames && Module._app_frames() > 0),
  // The theme drawn: 'dark' or 'light' (it follows prefers-color-scheme).
  theme: () => (Module._app_dark && Module._app_dark() === 1 ? 'dark' : 'light'),
  // Time spent in frames since load: the app's own work, and whole frames with the WebGL calls.
  frameTimes: () => ({ appMs: Module._app_frame_ms ? Module._app_frame_ms(0) : 0, frameMs: Module._app_frame_ms ? Module._app_frame_ms(1) : 0 }),
  // Renders `count` frames at once (benchmarks: CPU per frame).
  renderFrames: (count) => { if (Module._app_run_frames) Module._app_run_frames(count); },
};
