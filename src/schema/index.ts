export { type JsonSchema } from './jsonSchema';
export { checkSchema } from './checkSchema';
export { checkCompatibility } from './compatibility';
export { CompatibilityMode, type CompatibilityIssue } from './compatibilityRules';
export { upcast, type Upcasters } from './upcast';
export { checkRegistry, latestVersion, validateEventData, type SchemaRegistry } from './registry';
export { schemaToTypeScript, toTypeName } from './typescript';
