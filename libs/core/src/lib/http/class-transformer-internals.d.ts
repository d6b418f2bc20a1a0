/** Modules class-transformer ships without a declaration: its metadata storage and default options. */
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

  export const defaultMetadataStorage: MetadataStorage;
}

declare module 'class-transformer/cjs/constants/default-options.constant' {
  import type { ClassTransformOptions } from 'class-transformer';

  export const defaultOptions: Partial<ClassTransformOptions>;
}
