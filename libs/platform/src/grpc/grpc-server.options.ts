import { dirname, join } from 'node:path';

import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import type { Server } from '@grpc/grpc-js';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';

/**
 * Must match the generated types: camelCase fields, enums as names, 64-bit integers as strings, and
 * no virtual oneof fields (proto3 `optional` would otherwise add `_field` keys to every request).
 */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: false };

export interface GrpcApi {
  readonly package: string;
  readonly protoFiles: readonly string[];
}

/**
 * The standard health service (`grpc.health.v1.Health`) for the whole server and each API service.
 * It starts NOT_SERVING; bootstrap flips it once the service can take work, and back on shutdown.
 */
export class GrpcHealth {
  public readonly implementation: HealthImplementation;

  public constructor(private readonly serviceNames: readonly string[]) {
    this.implementation = new HealthImplementation(Object.fromEntries(['', ...serviceNames].map((name) => [name, 'NOT_SERVING' as const])));
  }

  public setServing(serving: boolean): void {
    for (const name of ['', ...this.serviceNames]) this.implementation.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
  }
}

export function grpcServerOptions(params: { protoRoot: string; api: GrpcApi; port: number; health: GrpcHealth }): GrpcOptions {
  // The health proto is loaded with the API so that reflection describes both from one definition.
  const protoPath = [...params.api.protoFiles.map((file) => join(params.protoRoot, file)), healthProtoPath];
  return {
    transport: Transport.GRPC,
    options: {
      package: params.api.package,
      protoPath,
      url: `0.0.0.0:${params.port}`,
      loader: { ...PROTO_LOADER_OPTIONS, includeDirs: [params.protoRoot, dirname(healthProtoPath)] },
      gracefulShutdown: true,
      onLoadPackageDefinition: (definition: protoLoader.PackageDefinition, server: Server) => {
        // Reflection lists the API and the health service, so off-the-shelf clients need no .proto files.
        const fileNames: Record<string, string> = { 'grpc.health.v1': 'grpc/health/v1/health.proto', [params.api.package]: params.api.protoFiles[0]! };
        new ReflectionService(withCanonicalFileNames(definition, fileNames)).addToServer(server);
        params.health.implementation.addToServer(server);
      },
    },
  };
}

/**
 * proto-loader names each file descriptor after its package (`grpc_health_v1.proto`). Clients that
 * know the canonical `grpc/health/v1/health.proto` (every Go client links it in) then see two files
 * defining the same symbols and refuse the schema, so reflection serves the real file names.
 */
function withCanonicalFileNames(definition: protoLoader.PackageDefinition, namesByPackage: Record<string, string>): protoLoader.PackageDefinition {
  const files = new Map<string, ReturnType<typeof FileDescriptorProto.decode> & { name: string; package?: string; dependency?: string[] }>();
  for (const value of Object.values(definition)) {
    for (const bytes of ('fileDescriptorProtos' in value ? value.fileDescriptorProtos : []) as Buffer[]) {
      const file = FileDescriptorProto.decode(bytes) as ReturnType<typeof FileDescriptorProto.decode> & { name: string; package?: string; dependency?: string[] };
      files.set(file.name, file);
    }
  }
  const renamed = new Map([...files.values()].map((file) => [file.name, namesByPackage[file.package ?? ''] ?? file.name]));
  const encoded = [...files.values()].map((file) => {
    file.name = renamed.get(file.name)!;
    file.dependency = (file.dependency ?? []).map((dependency) => renamed.get(dependency) ?? dependency);
    return Buffer.from(FileDescriptorProto.encode(file).finish());
  });
  return { descriptors: { format: 'Protocol Buffer 3 FileDescriptorProto', type: {}, fileDescriptorProtos: encoded } } as unknown as protoLoader.PackageDefinition;
}

/** Fully qualified service names of an API, as the health service reports them. */
export function grpcServiceNames(protoRoot: string, api: GrpcApi): string[] {
  const definition = protoLoader.loadSync(
    api.protoFiles.map((file) => join(protoRoot, file)),
    { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot] },
  );
  return Object.entries(definition)
    .filter(([name, value]) => name.startsWith(`${api.package}.`) && !('format' in value) && typeof value === 'object' && !('type' in value))
    .map(([name]) => name);
}
