import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './jsonSchema';
import { schemaToTypeScript, toTypeName } from './typescript';

const orderPlaced: JsonSchema = {
  description: 'An order was placed.',
  type: 'object',
  required: ['orderId', 'lines', 'status'],
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    status: { enum: ['placed', 'paid'] },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sku'],
        properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
      },
    },
    note: { type: ['string', 'null'], description: 'Free text */ from the customer' },
    'delivery-date': { type: 'string', format: 'date', deprecated: true },
    currency: { const: 'EUR', default: 'EUR' },
  },
};

describe('schemaToTypeScript', () => {
  it('an object schema becomes an interface: required properties plain, the others optional', () => {
    expect(schemaToTypeScript('OrderPlaced', orderPlaced)).toBe(
      [
        '/** An order was placed. */',
        'export interface OrderPlaced {',
        '  orderId: string;',
        '  status: "placed" | "paid";',
        '  lines: {',
        '    sku: string;',
        '    qty?: number;',
        '  }[];',
        '  /** Free text *\\/ from the customer */',
        '  note?: string | null;',
        '  /** @deprecated */',
        '  "delivery-date"?: string;',
        '  /** @default "EUR" */',
        '  currency?: "EUR";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes descriptions, titles and defaults as plain text, so a hover shows them as typed and loads nothing', () => {
    const schema: JsonSchema = {
      title: 'Order <img src="https://evil.example/t.png">',
      type: 'object',
      properties: {
        total: {
          type: 'number',
          description: 'In cents ![x](https://evil.example/p.png) [docs][1]\n[1]: https://evil.example/r.png',
        },
        note: { type: 'string', default: '![d](https://evil.example/d.png)', description: 'a \\[ and a `code` span' },
      },
    };
    expect(schemaToTypeScript('Order', schema)).toBe(
      [
        '/** Order \\<img src="https\\://evil.example/t.png"\\> */',
        'export interface Order {',
        '  /**',
        '   * In cents !\\[x\\](https\\://evil.example/p.png) \\[docs\\]\\[1\\]',
        '   * \\[1\\]\\: https\\://evil.example/r.png',
        '   */',
        '  total?: number;',
        '  /**',
        '   * a \\\\\\[ and a \\`code\\` span',
        '   * @default "!\\[d\\](https\\://evil.example/d.png)"',
        '   */',
        '  note?: string;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('$defs become named declarations and $ref their names; # is the root', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['total'],
      properties: { total: { $ref: '#/$defs/money' }, parent: { $ref: '#' }, kind: { $ref: '#/$defs/kind' } },
      $defs: {
        money: {
          type: 'object',
          required: ['amount', 'currency'],
          properties: { amount: { type: 'integer' }, currency: { type: 'string' } },
        },
        kind: { enum: ['web', 'shop', 3, null] },
      },
    };
    expect(schemaToTypeScript('order.placed', schema)).toBe(
      [
        'export interface OrderPlaced {',
        '  total: Money;',
        '  parent?: OrderPlaced;',
        '  kind?: Kind;',
        '}',
        '',
        'export interface Money {',
        '  amount: number;',
        '  currency: string;',
        '}',
        '',
        'export type Kind = "web" | "shop" | 3 | null;',
        '',
      ].join('\n'),
    );
  });

  it('unions for oneOf/anyOf, intersections for allOf, parenthesised where they bind loosely', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        payment: {
          oneOf: [
            { type: 'object', required: ['card'], properties: { card: { type: 'string' } } },
            { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } },
          ],
        },
        ids: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        tagged: { allOf: [{ $ref: '#/$defs/base' }, { type: 'object', properties: { tag: { type: 'string' } } }] },
        either: {
          type: 'array',
          items: {
            oneOf: [{ $ref: '#/$defs/base' }, { allOf: [{ $ref: '#/$defs/base' }, { $ref: '#/$defs/extra' }] }],
          },
        },
      },
      $defs: {
        base: { type: 'object', properties: { id: { type: 'string' } } },
        extra: { type: 'object', properties: { x: { type: 'number' } } },
      },
    };
    expect(schemaToTypeScript('T', schema)).toBe(
      [
        'export interface T {',
        '  payment?: {',
        '    card: string;',
        '  } | {',
        '    iban: string;',
        '  };',
        '  ids?: (string | number)[];',
        '  tagged?: Base & {',
        '    tag?: string;',
        '  };',
        '  either?: (Base | (Base & Extra))[];',
        '}',
        '',
        'export interface Base {',
        '  id?: string;',
        '}',
        '',
        'export interface Extra {',
        '  x?: number;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('unknown where a schema says nothing, never where it allows nothing, Record for maps', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['declaredNowhere'],
      properties: {
        anything: {},
        alsoAnything: true,
        nothing: false,
        list: { type: 'array' },
        map: { type: 'object', additionalProperties: { type: 'number' } },
        bag: { type: 'object' },
        empty: { type: 'object', additionalProperties: false },
        point: { const: { x: 1, y: [true, null] } },
      },
      additionalProperties: { type: 'string' },
    };
    expect(schemaToTypeScript('Loose', schema)).toBe(
      [
        'export interface Loose {',
        '  anything?: unknown;',
        '  alsoAnything?: unknown;',
        '  nothing?: never;',
        '  list?: unknown[];',
        '  map?: Record<string, number>;',
        '  bag?: Record<string, unknown>;',
        '  empty?: Record<string, never>;',
        '  point?: { x: 1; y: [true, null] };',
        '  declaredNowhere: unknown;',
        '  [key: string]: unknown;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('a schema that is not an object with properties becomes a type alias', () => {
    expect(schemaToTypeScript('Amount', { type: 'number', minimum: 0 })).toBe('export type Amount = number;\n');
    expect(schemaToTypeScript('Anything', true)).toBe('export type Anything = unknown;\n');
    expect(schemaToTypeScript('MaybeOrder', { type: ['object', 'null'], properties: { id: { type: 'string' } } })).toBe(
      'export type MaybeOrder = {\n  id?: string;\n} | null;\n',
    );
    expect(schemaToTypeScript('Untyped', { properties: { id: { type: 'string' } } })).toBe(
      'export interface Untyped {\n  id?: string;\n}\n',
    );
  });

  it('names: PascalCase identifiers, no clash with the root, each other, or the global types used', () => {
    expect(toTypeName('order.placed')).toBe('OrderPlaced');
    expect(toTypeName('order-line_item')).toBe('OrderLine_item');
    expect(toTypeName('3d-point')).toBe('_3dPoint');
    expect(toTypeName('record')).toBe('RecordType');
    expect(toTypeName('...')).toBe('Type');
    const schema: JsonSchema = {
      $ref: '#/$defs/order',
      $defs: { order: { type: 'string' }, Order: { type: 'number' }, 'order!': { type: 'boolean' } },
    };
    expect(schemaToTypeScript('Order', schema)).toBe(
      [
        'export type Order = Order2;',
        '',
        'export type Order2 = string;',
        '',
        'export type Order3 = number;',
        '',
        'export type Order4 = boolean;',
        '',
      ].join('\n'),
    );
  });
});

/** Type-checks declarations plus usage lines with the TypeScript compiler; returns the error messages. */
function typeErrors(source: string): string[] {
  const fileName = 'generated.ts';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, version) : readFile(name, version, ...rest);
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the declarations compile and type event data as the schema says', () => {
  it('accepts valid data and rejects data of the wrong shape', () => {
    const declarations = schemaToTypeScript('OrderPlaced', {
      ...(orderPlaced as object),
      properties: { ...(orderPlaced as { properties: object }).properties, total: { $ref: '#/$defs/money' } },
      $defs: {
        money: {
          type: 'object',
          required: ['amount'],
          properties: { amount: { type: 'integer' } },
          additionalProperties: { type: 'string' },
        },
      },
    });
    const usage = [
      'export const ok: OrderPlaced = { orderId: "o1", status: "paid", lines: [{ sku: "a" }, { sku: "b", qty: 2 }], note: null, total: { amount: 5, unit: "cents" } };',
      '// @ts-expect-error status outside the enum',
      'export const badStatus: OrderPlaced = { orderId: "o1", status: "shipped", lines: [] };',
      '// @ts-expect-error a required property missing',
      'export const missing: OrderPlaced = { orderId: "o1", status: "paid" };',
      '// @ts-expect-error a number where a string belongs',
      'export const wrongType: OrderPlaced = { orderId: 1, status: "paid", lines: [] };',
    ].join('\n');
    expect(typeErrors(`${declarations}\n${usage}\n`)).toEqual([]);
  });
});
