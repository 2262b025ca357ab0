// Certificates in the browser: the picker (camera or file) and the thumbnails drawn from them.
// The files stay here; C++ learns names, types, sizes and texture ids.

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
