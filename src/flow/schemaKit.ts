import { z } from 'zod';
import { id, jsonValue, name, subscriberFields, typeName } from './nodeFields';
import { ownRecordSchema } from './ownRecordSchema';

/**
 * What a kind's node schema is built from. Kinds get it as an argument (see kinds/<kind>/<kind>Node.ts)
 * so their facts (connections, title, defaults) load in the UI without the schema library.
 */
export const SCHEMA_KIT = { z, id, name, jsonValue, typeName, subscriberFields, ownRecordSchema };
export type SchemaKit = typeof SCHEMA_KIT;
