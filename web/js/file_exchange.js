// Files that go between HR and the server outside the app's JSON: the CSV (or JSON feed) chosen for
// an import (kept here, sent as a request body) and downloads saved by the browser with the session cookie.

const importPicker = document.createElement('input');
importPicker.type = 'file';
importPicker.accept = '.csv,text/csv,text/plain';
importPicker.style.display = 'none';
document.body.appendChild(importPicker);
importPicker.addEventListener('change', () => {
  const file = importPicker.files && importPicker.files[0];
  if (!file || !Module._app_import_picked) return;
  Module.importFile = file;
  withCString(file.name, (name) => Module._app_import_picked(name, file.size));
  importPicker.value = '';
  wake(4);
});
Module.openImportPicker = (jsonToo) => {
  importPicker.accept = jsonToo ? '.csv,.json,text/csv,text/plain,application/json' : '.csv,text/csv,text/plain';
  importPicker.click();
};

// A same-origin link with `download`: the answer's Content-Disposition names the file, and
// nothing of it passes through C++ memory.
Module.saveFile = function (path) {
  const link = document.createElement('a');
  link.href = path;
  link.download = '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
};
