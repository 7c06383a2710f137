/**
 * Giving back a torn-down map's WebGL contexts at once. Neither Cesium's `destroy()` nor deck.gl's
 * `finalize()` releases its context: it stays alive until the canvas is garbage-collected, and Chromium
 * keeps at most 16 live contexts per page (the oldest is then lost, maybe the new map's). So the context
 * of each canvas is taken before the teardown and explicitly lost after it (WEBGL_lose_context).
 *
 * The canvases must have left the document before the release: the loss events this fires are then not
 * taken for a new loss (map-recovery.ts ignores canvases that are not connected).
 */
type GL = WebGLRenderingContext | WebGL2RenderingContext;

/**
 * The WebGL contexts of these canvases. `getContext` returns a canvas's existing context (null when it
 * holds another kind, e.g. a 2D one); on a canvas that never got a context it makes one, which binds the
 * canvas to WebGL for good: so pass only canvases an engine made for WebGL (a context made here is
 * released with the others).
 */
export function webglContextsOf(canvases: Iterable<HTMLCanvasElement>): GL[] {
  const out: GL[] = [];
  for (const canvas of canvases) {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as GL | null;
    if (gl) out.push(gl);
  }
  return out;
}

/** Loses every context not lost yet; returns how many were released. Never throws. */
export function releaseWebgl(contexts: readonly GL[]): number {
  let released = 0;
  for (const gl of contexts) {
    try {
      if (gl.isContextLost()) continue;
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      released += 1;
    } catch {
      /* nothing more can be done for this one: garbage collection will take it */
    }
  }
  return released;
}
