import 'ses';

let hardened = false;

/**
 * Freezes this realm's shared intrinsics (SES `lockdown()`), once, before any user code is compiled:
 * code in one compartment cannot then change Array.prototype and the like for the engine or another flow.
 * The worker and the CLI call it first thing; CodeSandbox calls it too, so no path compiles user code without it.
 */
export function hardenRealm(): void {
  if (hardened) return;
  // Another copy of this module (a test runner's) may have locked the realm down already.
  if (!Object.isFrozen(Array.prototype)) {
    lockdown({
      // Our own errors keep their stacks; a compartment cannot install a stack hook (checked by a test).
      errorTaming: 'unsafe',
      consoleTaming: 'unsafe',
      // Assigning `record.constructor = …` (an id, a key from data) must work on a plain object: every
      // inherited data property is made overridable, not only the usual few.
      overrideTaming: 'severe',
      // toLocaleString and friends ignore the machine's locale: a run must not depend on where it runs.
      localeTaming: 'safe',
      // Its notes (intrinsics newer than it knows, removed) would reach the console on every start.
      reporting: 'none',
    });
  }
  hardened = true;
}
