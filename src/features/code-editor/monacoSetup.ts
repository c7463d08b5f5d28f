import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/typescript/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { ScriptTarget, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { HANDLER_TYPES } from './handlerTypes';
import { JSON_SCHEMA_SUBSET, EVENT_SCHEMA_SUFFIX } from './jsonSchemaSubset';

// Every label Monaco asks for must map to a bundled worker, or the built app tries to fetch one.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  // Handlers run in a worker sandbox: no DOM types, so `document` is flagged as it would fail at run time.
  lib: ['es2020'],
  allowNonTsExtensions: true,
  strict: true,
  noImplicitAny: false,
  noEmit: true,
});
typescriptDefaults.addExtraLib(HANDLER_TYPES, 'file:///tidemark/handler-types.d.ts');

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  // Nothing is fetched: the one schema it knows is the subset Tidemark enforces.
  enableSchemaRequest: false,
  schemas: [
    { uri: 'tidemark://json-schema-subset', fileMatch: [`*${EVENT_SCHEMA_SUFFIX}`], schema: JSON_SCHEMA_SUBSET },
  ],
});

export { monaco, typescriptDefaults };
