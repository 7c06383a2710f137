/**
 * Keys on the wall, as a pure mapping from a key event to a scene command. Presentation clickers send
 * PageUp/PageDown (some send ←/→) and B or '.' for a black screen (PowerPoint's keys, so most clickers'
 * blank button sends one of them); a keyboard at the wall PC adds number keys to jump, Esc for the
 * overview, I for the panels' source/as-of info and P for the pairing card of the presenter remote. Auto-repeat and any modifier are ignored: a held
 * clicker button must not race through the tour, and Ctrl/Alt/Meta/Shift combinations belong to the
 * browser, the kiosk (its operator overlay takes Shift+digits) or the OS.
 */

export type SceneCommand =
  | { kind: 'next' }
  | { kind: 'prev' }
  /** Zero-based position in the scene list: keys 1–9 are 0–8, key 0 is the tenth scene (9). */
  | { kind: 'jump'; index: number }
  | { kind: 'overview' }
  /** Black the wall out, or bring it back (a toggle: clickers have one blank button). */
  | { kind: 'blackout' }
  | { kind: 'toggleInfo' }
  /** Show or hide the presenter remote's pairing card (QR code and code). */
  | { kind: 'togglePairing' };

export interface KeyInput {
  key: string;
  repeat: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The key went to a text field (operator tools): typing there is not a scene command. */
  editable?: boolean;
}

export function commandForKey(e: KeyInput): SceneCommand | null {
  if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.editable) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'prev' };
    case 'Escape':
      return { kind: 'overview' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'blackout' };
    case 'i':
    case 'I':
      return { kind: 'toggleInfo' };
    case 'p':
    case 'P':
      return { kind: 'togglePairing' };
    default:
      if (/^[0-9]$/.test(e.key)) {
        const digit = Number(e.key);
        return { kind: 'jump', index: digit === 0 ? 9 : digit - 1 };
      }
      return null;
  }
}

function isEditable(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Listens for scene keys on `target` (the window); returns the removal. */
export function listenForSceneKeys(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, run: (command: SceneCommand) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const command = commandForKey({
      key: e.key,
      repeat: e.repeat,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      shiftKey: e.shiftKey,
      editable: isEditable(e.target),
    });
    if (!command) return;
    // PageDown / arrows would otherwise scroll; the wall never scrolls.
    e.preventDefault();
    run(command);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
