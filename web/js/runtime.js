// The shared ground of the web host's scripts (Emscripten --pre-js files, concatenated in the order
// web.cmake lists them, before the runtime starts): the canvas, strings for C++, waking the frame loop.
'use strict';

Module.canvas = document.getElementById('canvas');
Module.preRun = Module.preRun || [];

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

// The same for bytes that are UTF-8 already (a Uint8Array), copied as they are: a 370 KB answer
// made a JS string first took 40 ms to encode back, character by character.
function withCBytes(bytes, fn) {
  const ptr = _malloc(bytes.length + 1);
  HEAPU8.set(bytes, ptr);
  HEAPU8[ptr + bytes.length] = 0;
  try { fn(ptr); } finally { _free(ptr); }
}

function wake(frames) {
  if (Module.calledRun && Module._app_wake) Module._app_wake(frames || 4);
}

Module.onRuntimeInitialized = function () {
  const loading = document.getElementById('loading');
  if (loading) loading.remove();
};

Module.setStatus = function (text) {
  const status = document.getElementById('loading-status');
  if (status && text) status.textContent = text.replace(/\(.*\)/, '').trim() || 'Loading';
};
