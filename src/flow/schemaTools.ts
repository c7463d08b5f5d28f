// The schema library's checks and type generation for the UI. Import this module only from lazily
// loaded code (the Schemas panel, the code editor): it keeps the schema library out of the first bundle.
export {
  checkSchema,
  checkCompatibility,
  CompatibilityMode,
  schemaToTypeScript,
  toTypeName,
  type CompatibilityIssue,
  type JsonSchema,
} from '../schema';
export { checkSchemas } from './checkSchemas';
