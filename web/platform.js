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
  // Registered before glfwInit, so it runs first: GLFW must not also turn the agent's key presses
  // into characters (they arrive through beforeinput instead).
  window.addEventListener('keypress', (event) => {
    if (event.target === textAgent) event.stopImmediatePropagation();
  }, true);
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
Module.llFetch = function (id, method, path, body, headers, sendPickedFile) {
  const init = { method, credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers) };
  if (sendPickedFile && Module.pickedFile) {
    init.body = Module.pickedFile;
    init.headers['Content-Type'] = Module.pickedFile.type || 'application/octet-stream';
  } else if (body) {
    init.body = body;
    init.headers['Content-Type'] = 'application/json';
  }
  const answer = (status, text) => {
    withCString(text, (ptr) => Module._app_http_done(id, status, ptr));
    wake(4);
  };
  fetch(path, init)
    .then((response) => response.text().then((text) => answer(response.status, text)))
    .catch(() => answer(0, ''));
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
};
