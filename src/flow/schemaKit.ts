import { z } from 'zod';
import { FlowDefaults } from './flowDefaults';
import { id, jsonValue, name, subscriberFields, typeName } from './nodeFields';
import { ownRecordSchema } from './ownRecordSchema';

/**
 * What a kind's node schema is built from. Kinds get it as an argument (see kinds/<kind>/<kind>Node.ts)
 * so their facts (connections, title, defaults) load in the UI without the schema library.
 */
// Only the builders kinds use, not the `z` namespace itself: a namespace held as a value keeps all of zod in the bundle.
const builders = {
  boolean: z.boolean,
  enum: z.enum,
  literal: z.literal,
  number: z.number,
  strictObject: z.strictObject,
  string: z.string,
};

// FlowDefaults rides in the kit so a shape needs no runtime import of flow/ (which imports the shapes).
export const SCHEMA_KIT = {
  z: builders,
  id,
  name,
  jsonValue,
  typeName,
  subscriberFields,
  ownRecordSchema,
  FlowDefaults,
};
export type SchemaKit = typeof SCHEMA_KIT;
