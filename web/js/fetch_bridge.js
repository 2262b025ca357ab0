// HTTP for C++: requests go out with fetch(), answers come back through _app_http_done.

// Status 0 means no answer (offline, aborted). fileSource: 0 none, 1 the picked file, 2 the file
// kept under fileKey, 3 the CSV picked for an import. A Content-Type given by C++ is kept.
Module.llFetch = function (id, method, path, body, headers, fileSource, fileKey) {
  // The answer's body as the server sent it, UTF-8 bytes.
  const answer = (status, bytes) => {
    withCBytes(bytes, (ptr) => Module._app_http_done(id, status, ptr));
    wake(4);
  };
  const init = { method, credentials: 'same-origin', headers: Object.assign({ 'Accept': 'application/json' }, headers) };
  const file = fileSource ? uploadFile(fileSource, fileKey) : Promise.resolve(null);
  file.then((blob) => {
    if (fileSource && !blob) {
      // The kept file is gone (storage cleared): a plain refusal, not a retry forever.
      const error = fileSource === 3 ? { code: 'file_missing', message: 'choose the file again', field: 'file' }
                                     : { code: 'certificate_missing', message: 'the certificate file is no longer on this device', field: 'certificate' };
      return answer(410, new TextEncoder().encode(JSON.stringify({ error })));
    }
    if (blob) {
      init.body = blob;
      init.headers['Content-Type'] = init.headers['Content-Type'] || blob.type || 'application/octet-stream';
    } else if (body) {
      init.body = body;
      init.headers['Content-Type'] = 'application/json';
    }
    return fetch(path, init)
      .then((response) => response.arrayBuffer().then((buffer) => answer(response.status, new Uint8Array(buffer))))
      .catch(() => answer(0, new Uint8Array()));
  });
};
