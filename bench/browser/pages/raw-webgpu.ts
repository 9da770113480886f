/**
 * The raw WebGPU anchor: the least a point renderer can do. One vertex buffer of x y z float32, one uniform
 * buffer (view-projection and the height ramp), a point-list pipeline that colours by height as the Viewer's
 * default mode does, a depth buffer, drawn straight into the canvas.
 */
const SHADER = /* wgsl */ `
struct Uniforms { viewProj: mat4x4f, ramp: vec4f };
@group(0) @binding(0) var<uniform> u: Uniforms;
struct Out { @builtin(position) position: vec4f, @location(0) color: vec3f };
@vertex fn vs(@location(0) p: vec3f) -> Out {
  var out: Out;
  out.position = u.viewProj * vec4f(p, 1.0);
  let t = clamp((p.z - u.ramp.x) / (u.ramp.y - u.ramp.x), 0.0, 1.0);
  out.color = mix(vec3f(0.15, 0.35, 0.95), vec3f(1.0, 0.55, 0.15), t);
  return out;
}
@fragment fn fs(in: Out) -> @location(0) vec4f { return vec4f(in.color, 1.0); }
`;

export class RawWebGpuPoints {
  #device: GPUDevice;
  #context: GPUCanvasContext;
  #module: GPUShaderModule;
  #format: GPUTextureFormat;
  /** Pipeline and bind group by vertex stride in bytes (12: packed x y z; 16: KITTI records as they are). */
  #pipelines = new Map<number, { pipeline: GPURenderPipeline; bindGroup: GPUBindGroup }>();
  #stride = 12;
  #uniforms: GPUBuffer;
  #depth: GPUTexture;
  #vertices: GPUBuffer | undefined;
  #count = 0;
  readonly #uniformData = new Float32Array(20);

  private constructor(device: GPUDevice, canvas: HTMLCanvasElement) {
    this.#device = device;
    this.#format = navigator.gpu.getPreferredCanvasFormat();
    this.#context = canvas.getContext('webgpu')!;
    this.#context.configure({ device, format: this.#format, alphaMode: 'opaque' });
    this.#module = device.createShaderModule({ code: SHADER });
    this.#uniforms = device.createBuffer({
      label: 'raw camera + ramp',
      size: this.#uniformData.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.#pipelineFor(12);
    this.#depth = device.createTexture({
      size: [canvas.width, canvas.height],
      format: 'depth24plus',
      usage: GPUTextureUsage.RENDER_ATTACHMENT,
    });
  }

  static async create(canvas: HTMLCanvasElement): Promise<RawWebGpuPoints> {
    const adapter = await navigator.gpu?.requestAdapter();
    if (!adapter) throw new Error('raw WebGPU: no adapter');
    return new RawWebGpuPoints(await adapter.requestDevice(), canvas);
  }

  /** The point-list pipeline for vertices `stride` bytes apart (x y z at their start), made once. */
  #pipelineFor(stride: number): { pipeline: GPURenderPipeline; bindGroup: GPUBindGroup } {
    let made = this.#pipelines.get(stride);
    if (made) return made;
    const module = this.#module;
    const pipeline = this.#device.createRenderPipeline({
      layout: 'auto',
      vertex: {
        module,
        entryPoint: 'vs',
        buffers: [{ arrayStride: stride, attributes: [{ shaderLocation: 0, offset: 0, format: 'float32x3' }] }],
      },
      fragment: { module, entryPoint: 'fs', targets: [{ format: this.#format }] },
      primitive: { topology: 'point-list' },
      depthStencil: { format: 'depth24plus', depthWriteEnabled: true, depthCompare: 'less' },
    });
    const bindGroup = this.#device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [{ binding: 0, resource: { buffer: this.#uniforms } }],
    });
    made = { pipeline, bindGroup };
    this.#pipelines.set(stride, made);
    return made;
  }

  /**
   * A new vertex buffer with the points (the old one destroyed), as a frame switch must do: `stride` float32
   * values a point, x y z first (3: packed positions; 4: a KITTI file's records as they are).
   */
  upload(positions: Float32Array, stride = 3): void {
    this.#vertices?.destroy();
    this.#vertices = this.#device.createBuffer({
      label: 'raw points',
      size: positions.byteLength,
      usage: GPUBufferUsage.VERTEX | GPUBufferUsage.COPY_DST,
    });
    this.#device.queue.writeBuffer(this.#vertices, 0, positions as Float32Array<ArrayBuffer>);
    this.#count = positions.length / stride;
    this.#stride = stride * 4;
  }

  /** One frame: the camera uniform (column-major, clip z in 0…1), a cleared pass, one draw. */
  draw(viewProjection: ArrayLike<number>, groundZ: number, topZ: number): void {
    if (!this.#vertices) throw new Error('raw WebGPU: nothing uploaded');
    this.#uniformData.set(viewProjection);
    this.#uniformData[16] = groundZ;
    this.#uniformData[17] = topZ;
    this.#device.queue.writeBuffer(this.#uniforms, 0, this.#uniformData);
    const encoder = this.#device.createCommandEncoder();
    const pass = encoder.beginRenderPass({
      colorAttachments: [
        {
          view: this.#context.getCurrentTexture().createView(),
          clearValue: { r: 0.043, g: 0.059, b: 0.09, a: 1 },
          loadOp: 'clear',
          storeOp: 'store',
        },
      ],
      depthStencilAttachment: {
        view: this.#depth.createView(),
        depthClearValue: 1,
        depthLoadOp: 'clear',
        depthStoreOp: 'store',
      },
    });
    const { pipeline, bindGroup } = this.#pipelineFor(this.#stride);
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.setVertexBuffer(0, this.#vertices);
    pass.draw(this.#count);
    pass.end();
    this.#device.queue.submit([encoder.finish()]);
  }

  /** Resolves when the GPU has finished everything submitted. */
  sync(): Promise<void> {
    return this.#device.queue.onSubmittedWorkDone();
  }

  get adapterInfo(): string {
    const info = (this.#device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
    return info ? [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') : 'unknown';
  }

  dispose(): void {
    this.#vertices?.destroy();
    this.#uniforms.destroy();
    this.#depth.destroy();
    this.#device.destroy();
  }
}
