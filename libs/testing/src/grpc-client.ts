import { join } from 'node:path';

import { credentials, loadPackageDefinition, Metadata, type ServiceError, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { GRPC_APIS, type ServiceName } from '@syfo/contracts';

import { REPO_ROOT } from './local-services';

export type UnaryCall = <Res = unknown>(method: string, request: unknown, metadata?: Record<string, string>) => Promise<Res>;

/** A client-streaming call: write requests as you like, then `end()` for the single response. */
export interface ClientStream<Res> {
  write(request: unknown): boolean;
  end(): Promise<Res>;
  /** Settles when the call ends, by response or error. */
  readonly done: Promise<Res>;
}

/** A plain @grpc/grpc-js client for one service of an API, loaded from the same .proto files. */
export function grpcClient(api: ServiceName, serviceName: string, address: string): { call: UnaryCall; stream: <Res = unknown>(method: string, metadata?: Record<string, string>) => ClientStream<Res>; close: () => void } {
  const protoRoot = join(REPO_ROOT, 'proto');
  const definition = protoLoader.loadSync(
    GRPC_APIS[api].protoFiles.map((file) => join(protoRoot, file)),
    { keepCase: false, longs: String, enums: String, defaults: true, oneofs: false, includeDirs: [protoRoot] },
  );
  const loaded = loadPackageDefinition(definition);
  const Client = GRPC_APIS[api].package.split('.').reduce<GrpcObject>((node, part) => node[part] as GrpcObject, loaded)[serviceName] as ServiceClientConstructor;
  const client = new Client(address, credentials.createInsecure());
  const call: UnaryCall = (method, request, metadata = {}) =>
    new Promise((resolve, reject) => {
      const meta = new Metadata();
      Object.entries(metadata).forEach(([key, value]) => meta.set(key, value));
      const fn = (client as unknown as Record<string, (req: unknown, meta: Metadata, cb: (err: ServiceError | null, res: unknown) => void) => void>)[method];
      if (!fn) return reject(new Error(`no method ${method} on ${serviceName}`));
      fn.call(client, request, meta, (error, response) => (error ? reject(error) : resolve(response as never)));
    });
  const stream = <Res = unknown>(method: string, metadata: Record<string, string> = {}): ClientStream<Res> => {
    const meta = new Metadata();
    Object.entries(metadata).forEach(([key, value]) => meta.set(key, value));
    let writable: { write(request: unknown): boolean; end(): void } | undefined;
    const done = new Promise<Res>((resolve, reject) => {
      const fn = (client as unknown as Record<string, (meta: Metadata, cb: (err: ServiceError | null, res: unknown) => void) => { write(request: unknown): boolean; end(): void }>)[method];
      if (!fn) return reject(new Error(`no method ${method} on ${serviceName}`));
      writable = fn.call(client, meta, (error, response) => (error ? reject(error) : resolve(response as Res)));
    });
    return {
      write: (request) => writable!.write(request),
      end: () => {
        writable!.end();
        return done;
      },
      done,
    };
  };
  return { call, stream, close: () => client.close() };
}
