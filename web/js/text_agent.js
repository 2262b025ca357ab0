// The hidden text agent that carries the phone keyboard, IME, paste and password managers into
// Dear ImGui text fields; and copying out to the system clipboard.

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

// Copy from Dear ImGui text fields goes to the system clipboard (paste arrives via the text agent).
Module.copyText = function (text) {
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
};
