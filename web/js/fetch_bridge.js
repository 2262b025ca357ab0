// HTTP for C++: requests go out with fetch(), answers come back through _app_http_done.

// Status 0 means no answer (offline, aborted). fileSource: 0 none, 1 the picked file, 2 the file
// kept under fileKey, 3 the CSV picked for an import. A Content-Type given by C++ is kept.
Module.llFetch = function (id, method, path, body, headers, fileSource, fileKey) {
  const answer = (status, text) => {
    withCString(text, (ptr) => Module._app_http_done(id, status, ptr));
    wake(4);
  };
  // The body's bytes are UTF-8 already: copied onto the heap as they are. Made a JS string first,
  // a year with 500 trainings (370 KB) took 40 ms to encode back, character by character.
  const answerBytes = (status, buffer) => {
    const bytes = new Uint8Array(buffer);
    const ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    try { Module._app_http_done(id, status, ptr); } finally { _free(ptr); }
    wake(4);
  };
  const init = { method, credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers) };
  const file = fileSource ? uploadFile(fileSource, fileKey) : Promise.resolve(null);
  file.then((blob) => {
    if (fileSource && !blob) {
      // The kept file is gone (storage cleared): a plain refusal, not a retry forever.
      const error = fileSource === 3 ? { code: 'file_missing', message: 'choose the file again', field: 'file' }
                                     : { code: 'certificate_missing', message: 'the certificate file is no longer on this device', field: 'certificate' };
      return answer(410, JSON.stringify({ error }));
    }
    if (blob) {
      init.body = blob;
      init.headers['Content-Type'] = init.headers['Content-Type'] || blob.type || 'application/octet-stream';
    } else if (body) {
      init.body = body;
      init.headers['Content-Type'] = 'application/json';
    }
    return fetch(path, init)
      .then((response) => response.arrayBuffer().then((buffer) => answerBytes(response.status, buffer)))
      .catch(() => answer(0, ''));
  });
};
