import { join } from 'node:path';

import { credentials, loadPackageDefinition, Metadata, type ServiceError, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { GRPC_APIS, type ServiceName } from '@syfo/contracts';

import { REPO_ROOT } from './local-services';

export type UnaryCall = <Res = unknown>(method: string, request: unknown, metadata?: Record<string, string>) => Promise<Res>;

/** A plain @grpc/grpc-js client for one service of an API, loaded from the same .proto files. */
export function grpcClient(api: ServiceName, serviceName: string, address: string): { call: UnaryCall; close: () => void } {
  const protoRoot = join(REPO_ROOT, 'proto');
  const definition = protoLoader.loadSync(
    GRPC_APIS[api].protoFiles.map((file) => join(protoRoot, file)),
    { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [protoRoot] },
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
  return { call, close: () => client.close() };
}
