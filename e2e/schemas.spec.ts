import { expect, test } from '@playwright/test';
import { AppPage, collectForeignRequests } from './pages/AppPage';

interface ObjectSchema {
  readonly properties: Record<string, unknown>;
}

const VALID_ORDER = '{"orderId":"hand-1","customerId":"cust-zed","items":[],"total":5}';
const TOTAL_AS_TEXT = '{"orderId":"hand-2","customerId":"cust-zed","items":[],"total":"5"}';

test.describe('event schemas', () => {
  test('a payload published by hand that fails its schema is refused with the path and the reason, and appends nothing', async ({
    page,
  }) => {
    const foreign = collectForeignRequests(page);
    const app = new AppPage(page);
    await app.goto();

    // OrderPlaced has no schema yet; "Add schema" starts from what the producer sends.
    await app.schemas.open();
    await app.schemas.chooseEventType('OrderPlaced');
    await expect(app.schemas.panel).toContainText('No schema');
    await app.schemas.panel.getByRole('button', { name: 'Add schema' }).click();
    await app.schemas.schemaEditor();
    await app.schemas.saveSchema();
    await expect(app.schemas.panel.getByRole('status').filter({ hasText: 'Saved OrderPlaced v1.' })).toBeVisible();
    await app.schemas.close();

    // The producer's own events pass the schema.
    for (let i = 0; i < 4; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 4 of 4 · /);
    const producer = app.canvas.nodeCard('producer', 'Orders');
    const published = await app.canvas.counter(producer, 'published');
    expect(published).toBeGreaterThan(0);
    await expect(app.log.rows().filter({ hasText: 'fault' })).toHaveCount(0);
    const rows = await app.log.rowCount();
    const before = await app.toolbar.status();

    await app.canvas.selectNode('producer', 'Orders');
    await app.inspector.publishByHand(TOTAL_AS_TEXT);
    await expect(
      app.alerts.filter({ hasText: /not published: OrderPlaced data at \/total: must be a number/ }),
    ).toBeVisible();
    expect(await app.log.rowCount()).toBe(rows);
    await expect(app.toolbar.statusText).toHaveText(before.text);
    expect(await app.canvas.counter(producer, 'published')).toBe(published);
    await expect(app.log.rows().filter({ hasText: '(by hand)' })).toHaveCount(0);

    // A payload that passes goes through.
    await app.inspector.publishByHand(VALID_ORDER);
    await expect.poll(() => app.canvas.counter(producer, 'published')).toBe(published + 1);
    await expect(app.log.rows().filter({ hasText: '(by hand)' })).toHaveCount(1);
    // Monaco's JSON worker came from the app, not from a CDN.
    expect(foreign).toEqual([]);
  });

  test('a breaking edit without an upcaster is refused, naming the field, and not saved; as a new version with an upcaster it is saved', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('schema-evolution', 'Schema evolution');
    await app.schemas.open();
    await app.schemas.chooseEventType('UserRegistered');
    const v1 = (await app.schemas.savedSchema('UserRegistered', 1)) as ObjectSchema;
    const emailAsNumber = { ...v1, properties: { ...v1.properties, email: { type: 'number' } } };

    await app.schemas.typeSchema(emailAsNumber);
    await app.schemas.saveSchema();
    const refusal = app.schemas.panel.getByRole('alert');
    await expect(refusal).toHaveText(
      /^Not saved: events already written as UserRegistered v1 could not be read .*\/email: type changed.*add a version with an upcaster instead/,
    );
    const checks = app.schemas.panel.getByRole('list', { name: 'Schema checks' }).getByRole('listitem');
    await expect(
      checks.filter({ hasText: /^Error \/email type-changed \(backward, against saved v1\)/ }),
    ).toBeVisible();
    await expect(checks.filter({ hasText: /^Warning \/email type-changed \(forward/ })).toBeVisible();

    // Closing asks before the unsaved edit is thrown away; the reload shows v1 as it was.
    await app.schemas.panel.getByRole('button', { name: 'Close schemas' }).click();
    await app.schemas.panel.getByRole('button', { name: 'Discard and close' }).click();
    await app.reload();
    await app.schemas.open();
    await app.schemas.chooseEventType('UserRegistered');
    const versions = app.schemas.panel.getByRole('list', { name: 'Versions of UserRegistered' }).getByRole('listitem');
    await expect(versions).toHaveCount(1);
    expect(await app.schemas.savedSchema('UserRegistered', 1)).toEqual(v1);

    // The same change as v2, with an upcaster that reads v1 data, is saved; the forward issue is a warning.
    await app.schemas.panel.getByRole('button', { name: 'Add version' }).click();
    await expect(app.schemas.panel.getByRole('heading', { name: 'New version v2 (not saved yet)' })).toBeVisible();
    await app.schemas.typeSchema(emailAsNumber);
    await app.schemas.typeUpcaster('function upcast(data) { return { ...data, email: 0 }; }');
    await app.schemas.saveSchema();
    await expect(
      app.schemas.panel.getByRole('status').filter({ hasText: 'Saved UserRegistered v2 with 1 warning.' }),
    ).toBeVisible();
    await expect(checks.filter({ hasText: /^Upcast \/email type-changed \(backward, against v1\)/ })).toBeVisible();
    await expect(checks.filter({ hasText: /^Warning \/email/ })).toBeVisible();

    await app.schemas.close();
    await app.reload();
    await app.schemas.open();
    await app.schemas.chooseEventType('UserRegistered');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(1)).toContainText('upcaster from v1');
    expect(await app.schemas.savedSchema('UserRegistered', 2)).toEqual(emailAsNumber);
  });

  test('a misspelt event.data field is flagged in the handler editor before Play, as soon as the type has a schema', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.codeEditor.openHandlerCode('consumer', 'Email notifier');
    await app.codeEditor.typeHandlerCode(
      'function handle(event: TidemarkEvent, ctx: Context) { ctx.log(event.data.totl); }',
    );
    // No schema yet: the data is untyped.
    await expect(app.codeEditor.handlerProblems).toHaveText('No problems in this code');

    await app.schemas.open();
    await app.schemas.chooseEventType('OrderPlaced');
    await app.schemas.panel.getByRole('button', { name: 'Add schema' }).click();
    await app.schemas.schemaEditor();
    await app.schemas.saveSchema();
    await expect(app.schemas.panel.getByRole('status').filter({ hasText: 'Saved OrderPlaced v1.' })).toBeVisible();
    await app.schemas.close();

    // The editor's types follow the schema: the typo is flagged, with the field the schema has.
    await expect(app.codeEditor.handlerProblems).toHaveText(
      "1 problem in this code — line 1: Property 'totl' does not exist on type 'OrderPlacedData'. Did you mean 'total'?",
    );
    await expect(app.toolbar.playButton).toBeVisible();
    expect((await app.toolbar.status()).head).toBe(0);

    await app.codeEditor.typeHandlerCode(
      'function handle(event: TidemarkEvent, ctx: Context) { ctx.log(event.data.total.toFixed(2)); }',
    );
    await expect(app.codeEditor.handlerProblems).toHaveText('No problems in this code');
    // A syntax error is counted too.
    await app.codeEditor.typeHandlerCode('function handle(event: TidemarkEvent, ctx: Context) { ctx.log( }');
    await expect(app.codeEditor.handlerProblems).toHaveText(/^\d+ problems? in this code — line 1: /);
  });

  test('schema evolution: both consumers keep handling across v2, and the lagging one reads v1 records through the upcaster', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('schema-evolution', 'Schema evolution');
    const welcome = app.canvas.nodeCard('consumer', 'Welcome email (v1)');
    const sms = app.canvas.nodeCard('consumer', 'SMS welcome (v2)');
    // Three sign-ups written as v1, each welcomed by email; the SMS service reads 30 s behind.
    for (let i = 0; i < 6; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 6 of 6 · /);
    await expect.poll(() => app.canvas.counter(welcome, 'handled')).toBe(3);
    expect(await app.canvas.counter(sms, 'handled')).toBe(0);

    // The change: v2 adds an optional phone; its upcaster reads v1 data as v2.
    await app.schemas.open();
    await app.schemas.chooseEventType('UserRegistered');
    const v1 = (await app.schemas.savedSchema('UserRegistered', 1)) as ObjectSchema;
    await app.schemas.panel.getByRole('button', { name: 'Add version' }).click();
    await app.schemas.typeSchema({ ...v1, properties: { ...v1.properties, phone: { type: ['string', 'null'] } } });
    await app.schemas.typeUpcaster(
      'function upcast(data: UserRegisteredV1): UserRegisteredV2 { return { ...data, phone: null }; }',
    );
    await expect(app.schemas.panel.getByRole('status', { name: 'Problems in the upcaster' })).toHaveText(
      'No problems in this upcaster',
    );
    await app.schemas.saveSchema();
    await expect(app.schemas.panel.getByRole('status').filter({ hasText: 'Saved UserRegistered v2.' })).toBeVisible();
    await app.schemas.close();

    // New sign-ups come with a phone.
    await app.canvas.selectNode('producer', 'Sign-ups');
    const payload = app.inspector.field('Payload template');
    const template = JSON.parse(await payload.inputValue()) as Record<string, unknown>;
    await payload.fill(
      JSON.stringify({ ...template, phone: "{{ pick('+44 20 7946 0018', '+1 212 555 0147') }}" }, null, 2),
    );
    await payload.blur();

    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await expect.poll(() => app.canvas.counter(sms, 'handled'), { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
    await app.toolbar.pauseAndSettle();
    expect(await app.canvas.counter(welcome, 'handled')).toBeGreaterThan(6);
    expect(await app.canvas.counter(welcome, 'failed')).toBe(0);
    expect(await app.canvas.counter(sms, 'failed')).toBe(0);

    await app.canvas.selectNode('consumer', 'SMS welcome (v2)');
    const state = JSON.parse((await app.inspector.stateView('State').textContent()) ?? '{}') as {
      firstRead?: { phone?: unknown };
      noPhone?: number;
      texted?: number;
    };
    // The three v1 records, read as v2: phone null from the upcaster; the later ones were texted.
    expect(state.firstRead).toMatchObject({ phone: null });
    expect(state.noPhone).toBe(3);
    expect(state.texted).toBeGreaterThan(0);
    await expect(
      app.log
        .rows()
        .filter({ hasText: /SMS welcome to \+/ })
        .first(),
    ).toBeVisible();
  });
});
