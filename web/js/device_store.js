// What the app keeps on the device: the offline snapshot and the certificate files of trainings
// submitted offline, in IndexedDB.

// Device storage in IndexedDB (one key-value store): the offline snapshot under 'offline' and the
// certificate files of trainings kept offline under 'file:<idempotency key>'. The snapshot is read
// once before the runtime starts, so C++ finds it synchronously; written in the background.
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

// The snapshot is read as soon as this script runs, while the wasm downloads and compiles: read in
// preRun, after instantiation, its IndexedDB round trip held main() back.
const offlineRead = (() => {
  let legacy = '';
  try { legacy = localStorage.getItem('learnledger.offline') || ''; } catch (e) {}
  return deviceStore.get('offline')
    .then((text) => {
      if (!text && legacy) return deviceStore.put('offline', legacy).then(() => legacy);  // from earlier versions
      return text;
    })
    .then((text) => {
      try { localStorage.removeItem('learnledger.offline'); } catch (e) {}
      return text || '';
    })
    .catch(() => legacy);
})();
let offlineReadText = null;  // set once the read has answered
offlineRead.then((text) => { offlineReadText = text; });

Module.preRun.push(function () {
  if (offlineReadText !== null) {
    Module.offlineSnapshot = offlineReadText;
    return;
  }
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
  offlineRead.then(finish);
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
  if (source === 3) return Promise.resolve(Module.importFile || null);
  if (Module.keptFiles[key]) return Promise.resolve(Module.keptFiles[key]);
  return deviceStore.get('file:' + key).then((file) => file || null, () => null);
}
