/**
 * The raw WebGL2 anchor: one buffer of x y z float32, one program drawing gl.POINTS of 1 px coloured by height
 * as the Viewer's default mode does, a depth buffer, drawn straight into the canvas.
 */
const VERTEX = `#version 300 es
uniform mat4 viewProj;
uniform vec2 ramp;
in vec3 position;
out vec3 color;
void main() {
  gl_Position = viewProj * vec4(position, 1.0);
  gl_PointSize = 1.0;
  float t = clamp((position.z - ramp.x) / (ramp.y - ramp.x), 0.0, 1.0);
  color = mix(vec3(0.15, 0.35, 0.95), vec3(1.0, 0.55, 0.15), t);
}`;
const FRAGMENT = `#version 300 es
precision highp float;
in vec3 color;
out vec4 fragColor;
void main() { fragColor = vec4(color, 1.0); }`;

export class RawWebGl2Points {
  readonly #gl: WebGL2RenderingContext;
  readonly #program: WebGLProgram;
  readonly #vao: WebGLVertexArrayObject;
  readonly #viewProj: WebGLUniformLocation;
  readonly #ramp: WebGLUniformLocation;
  readonly #pixel = new Uint8Array(4);
  #buffer: WebGLBuffer | undefined;
  #count = 0;

  constructor(canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { antialias: false, depth: true, alpha: false });
    if (!gl) throw new Error('raw WebGL2: no context');
    this.#gl = gl;
    const program = gl.createProgram();
    for (const [type, source] of [
      [gl.VERTEX_SHADER, VERTEX],
      [gl.FRAGMENT_SHADER, FRAGMENT],
    ] as const) {
      const shader = gl.createShader(type)!;
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader');
      gl.attachShader(program, shader);
    }
    gl.bindAttribLocation(program, 0, 'position');
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'link');
    this.#program = program;
    this.#viewProj = gl.getUniformLocation(program, 'viewProj')!;
    this.#ramp = gl.getUniformLocation(program, 'ramp')!;
    this.#vao = gl.createVertexArray();
    gl.enable(gl.DEPTH_TEST);
    gl.viewport(0, 0, canvas.width, canvas.height);
  }

  /**
   * A new buffer with the points (the old one deleted), as a frame switch must do: `stride` float32 values a
   * point, x y z first (3: packed positions; 4: a KITTI file's records as they are).
   */
  upload(positions: Float32Array, stride = 3): void {
    const gl = this.#gl;
    if (this.#buffer) gl.deleteBuffer(this.#buffer);
    this.#buffer = gl.createBuffer();
    gl.bindVertexArray(this.#vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#buffer);
    gl.bufferData(gl.ARRAY_BUFFER, positions, gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 3, gl.FLOAT, false, stride * 4, 0);
    gl.bindVertexArray(null);
    this.#count = positions.length / stride;
  }

  /** One frame: the camera uniform (column-major, clip z in −1…1), clear, one draw. */
  draw(viewProjection: Iterable<number>, groundZ: number, topZ: number): void {
    const gl = this.#gl;
    gl.clearColor(0.043, 0.059, 0.09, 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    gl.useProgram(this.#program);
    gl.uniformMatrix4fv(this.#viewProj, false, Float32Array.from(viewProjection));
    gl.uniform2f(this.#ramp, groundZ, topZ);
    gl.bindVertexArray(this.#vao);
    gl.drawArrays(gl.POINTS, 0, this.#count);
    gl.bindVertexArray(null);
  }

  /** Waits for the GPU: a 1-pixel readPixels of the canvas cannot return before the draw is done. */
  sync(): Promise<void> {
    readOnePixel(this.#gl, this.#pixel);
    return Promise.resolve();
  }

  get rendererInfo(): string {
    const gl = this.#gl;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }

  dispose(): void {
    if (this.#buffer) this.#gl.deleteBuffer(this.#buffer);
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/**
 * Reads one pixel of the default framebuffer (the canvas), restoring the read binding three.js may have left,
 * so that its state cache stays true. Blocks until every draw into the canvas has finished.
 */
export function readOnePixel(gl: WebGL2RenderingContext, into: Uint8Array): void {
  const previous = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  if (previous !== null) gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, into);
  if (previous !== null) gl.bindFramebuffer(gl.READ_FRAMEBUFFER, previous);
}
