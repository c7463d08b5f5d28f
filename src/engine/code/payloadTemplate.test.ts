import { describe, expect, it } from 'vitest';
import { seedRandom } from '../random';
import { CodeSandbox } from './codeSandbox';
import { fillKey, fillTemplate, TemplateError } from './payloadTemplate';

const code = new CodeSandbox();

const fill = (template: unknown, seed = 1, seq = 7, now = 1500): unknown =>
  fillTemplate(code, template, seedRandom(seed), seq, now);

function templateError(template: unknown): TemplateError {
  try {
    fill(template);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected the template to throw');
}

describe('fillTemplate: values', () => {
  it('gives a whole-string expression its own type', () => {
    expect(fill('{{ 1 + 2 }}')).toBe(3);
    expect(fill('{{ [1, 2, 3] }}')).toEqual([1, 2, 3]);
    expect(fill('{{ seq > 5 }}')).toBe(true);
    expect(fill('{{ null }}')).toBeNull();
    expect(fill({ n: '{{ seq }}', at: '{{ now }}' })).toEqual({ n: 7, at: 1500 });
  });

  it('keeps nested braces of an object literal inside a whole-string expression', () => {
    expect(fill('{{ ({ a: { b: 1 } }) }}')).toEqual({ a: { b: 1 } });
    // written without spaces, the object literal ends in "}}" before the template's own "}}"
    expect(fill('{{ ({a:{b:1}}) }}')).toEqual({ a: { b: 1 } });
    expect(fill('{{ repeat(2, (i) => ({ n: i, tag: {x: i}})) }}')).toEqual([
      { n: 0, tag: { x: 0 } },
      { n: 1, tag: { x: 1 } },
    ]);
  });

  it('interpolates an expression inside longer text as a string', () => {
    expect(fill('order #{{ seq }}')).toBe('order #7');
    expect(fill(' {{ 1 + 1 }} ')).toBe(' 2 ');
  });

  it('interpolates several expressions in one string', () => {
    expect(fill('{{ seq }}-{{ seq + 1 }}')).toBe('7-8');
    expect(fill('order {{ seq }} at {{ now }} ms')).toBe('order 7 at 1500 ms');
  });

  it('passes plain JSON through unchanged and does not modify the template', () => {
    const template = { a: 1, b: [true, null, 'text'], c: { d: 'no braces' } };
    const copy = structuredClone(template);
    expect(fill(template)).toEqual(copy);
    expect(template).toEqual(copy);
  });

  it('lets later fields read earlier ones through `data` (a total over the items)', () => {
    const out = fill({
      items: '{{ [{ price: 2.5, quantity: 2 }, { price: 1.25, quantity: 4 }] }}',
      count: '{{ data.items.length }}',
      total: '{{ round2(sum(data.items, (i) => i.price * i.quantity)) }}',
    });
    expect(out).toEqual({
      items: [
        { price: 2.5, quantity: 2 },
        { price: 1.25, quantity: 4 },
      ],
      count: 2,
      total: 10,
    });
  });

  it('sees `data` as the root, also from nested fields and array elements', () => {
    expect(fill({ a: 5, nested: { b: '{{ data.a * 2 }}' }, list: ['{{ data.a + 1 }}'] })).toEqual({
      a: 5,
      nested: { b: 10 },
      list: [6],
    });
  });
});

describe('fillTemplate: helpers', () => {
  it('int(min, max) is inclusive at both ends', () => {
    const seen = new Set(fill('{{ repeat(500, () => int(1, 3)) }}') as number[]);
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('float and money stay in range; money has at most two decimals', () => {
    const values = fill('{{ repeat(300, () => [float(2, 4), money(2, 40)]) }}') as [number, number][];
    for (const [f, m] of values) {
      expect(f).toBeGreaterThanOrEqual(2);
      expect(f).toBeLessThan(4);
      expect(m).toBeGreaterThanOrEqual(2);
      expect(m).toBeLessThanOrEqual(40);
      expect(Math.round(m * 100) / 100).toBe(m);
    }
  });

  it('pick chooses among its arguments and reaches each of them', () => {
    const picks = fill("{{ repeat(200, () => pick('a', 'b', 'c')) }}") as string[];
    expect(new Set(picks)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('id(prefix) is the prefix and six base-36 characters; uuid() is a v4 UUID', () => {
    expect(fill("{{ id('ord') }}")).toMatch(/^ord-[0-9a-z]{6}$/);
    expect(fill('{{ uuid() }}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('bool(p) honours its probability; repeat, sum and round2 do what they say', () => {
    expect(fill('{{ [bool(0), bool(1)] }}')).toEqual([false, true]);
    expect(fill('{{ repeat(3, (i) => i * 10) }}')).toEqual([0, 10, 20]);
    expect(fill('{{ repeat(-2, (i) => i) }}')).toEqual([]);
    expect(fill('{{ sum([1, 2, 3], (x) => x * x) }}')).toBe(14);
    expect(fill('{{ round2(1.005 + 2.111) }}')).toBe(3.12);
  });
});

describe('fillTemplate: determinism', () => {
  const template = { id: "{{ id('ord') }}", n: '{{ int(1, 1000) }}', u: '{{ uuid() }}', f: '{{ float(0, 1) }}' };

  it('gives the same payload for the same random state', () => {
    expect(fill(template, 9)).toEqual(fill(template, 9));
  });

  it('draws from the run generator, advancing it, so the next payload differs', () => {
    const random = seedRandom(9);
    const first = fillTemplate(code, template, random, 1, 0);
    const second = fillTemplate(code, template, random, 2, 0);
    expect(second).not.toEqual(first);
    expect(fill(template, 10)).not.toEqual(fill(template, 9));
  });

  it('blocks Math.random and Date inside expressions', () => {
    expect(templateError('{{ Math.random() }}').message).toMatch(/Math\.random is not available/);
    expect(templateError('{{ new Date() }}').message).toMatch(/Date is not available/);
  });
});

describe('fillTemplate: errors', () => {
  it('names the field whose expression throws', () => {
    const error = templateError({ customer: { name: '{{ nope() }}' } });
    expect(error.path).toBe('customer.name');
    expect(error.message).toBe('payload template at customer.name: ReferenceError: nope is not defined');
  });

  it('names the array element whose expression throws', () => {
    const error = templateError({ items: ['{{ 1 }}', '{{ data.missing.field }}'] });
    expect(error.path).toBe('items[1]');
    expect(error.message).toMatch(/^payload template at items\[1\]: TypeError: /);
  });

  it('says "the root" when the whole template is one failing expression', () => {
    expect(templateError('{{ pick() }}').message).toBe(
      'payload template at the root: pick() needs at least one choice',
    );
  });

  it('reports a syntax error in an expression with its path', () => {
    const error = templateError({ total: '{{ 1 + }}' });
    expect(error.path).toBe('total');
    expect(error.message).toMatch(/^payload template at total: SyntaxError/);
  });
});

describe('fillTemplate: what an expression gives must be JSON data', () => {
  it('refuses a function, a Symbol, a BigInt, NaN and a cycle, naming the place', () => {
    expect(templateError({ f: '{{ () => 1 }}' }).message).toBe('payload template at f: a function is not JSON data');
    expect(templateError({ s: '{{ Symbol("x") }}' }).message).toBe('payload template at s: a Symbol is not JSON data');
    expect(templateError({ n: '{{ 10n }}' }).message).toBe('payload template at n: a BigInt is not a JSON number');
    expect(templateError({ n: '{{ 0 / 0 }}' }).message).toBe(
      'payload template at n: NaN is not a JSON number (JSON would write null)',
    );
    expect(templateError({ items: '{{ [1, { at: () => 0 }] }}' }).message).toBe(
      'payload template at items[1].at: a function is not JSON data',
    );
    expect(templateError({ self: '{{ data }}' }).message).toMatch(/^payload template at self: .*contains itself/);
  });

  it('refuses a "__proto__" key an expression builds, instead of dropping it', () => {
    expect(templateError({ o: '{{ JSON.parse(\'{"__proto__": {"admin": true}}\') }}' }).message).toMatch(
      /^payload template at o\.__proto__: a key "__proto__" is not allowed/,
    );
  });

  it('leaves a field out when its expression gives undefined, as JSON does', () => {
    expect(fill({ a: 1, b: '{{ undefined }}' })).toEqual({ a: 1, b: undefined });
  });
});

describe('templates belong to their sandbox', () => {
  const template = { id: "{{ id('ord') }}", qty: '{{ int(1, 9) }}', total: '{{ money(5, 50) }}', key: '{{ uuid() }}' };

  it('two sandboxes filling in turn give what each gives alone, each from the generator it is handed', () => {
    const alone = [1, 2].map((seed) => {
      const random = seedRandom(seed);
      const own = new CodeSandbox();
      return Array.from({ length: 5 }, (_, i) => fillTemplate(own, template, random, i, 0));
    });
    const sandboxes = [new CodeSandbox(), new CodeSandbox()];
    const randoms = [seedRandom(1), seedRandom(2)];
    const together: unknown[][] = [[], []];
    for (let i = 0; i < 5; i++)
      for (const r of [0, 1]) together[r]!.push(fillTemplate(sandboxes[r]!, template, randoms[r]!, i, 0));
    expect(together).toEqual(alone);
  });

  it('keeps a bounded number of key templates: past the bound an old one is compiled again and gives the same key', () => {
    const own = new CodeSandbox();
    const random = seedRandom(1);
    expect(fillKey(own, 'c-{{ data.customer }}', { customer: 7 }, random, 0, 0)).toBe('c-7');
    // More than the sandbox keeps of compiled expressions too, so the old one is compiled from its source.
    for (let i = 0; i < 600; i++) fillKey(own, `k{{ data.customer + ${i} }}`, { customer: 1 }, random, 0, 0);
    const before = own.evaluations;
    expect(fillKey(own, 'c-{{ data.customer }}', { customer: 8 }, random, 0, 0)).toBe('c-8');
    expect(own.evaluations).toBe(before + 1);
    expect(fillKey(own, 'k{{ data.customer + 599 }}', { customer: 1 }, random, 0, 0)).toBe('k600');
    expect(own.evaluations).toBe(before + 1);
  });
});
