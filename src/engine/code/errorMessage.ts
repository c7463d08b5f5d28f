/** The message of anything thrown, without a stack (stacks differ between engines). */
export function errorMessage(error: unknown): string {
  try {
    if (error instanceof Error)
      return error.name === 'Error' ? String(error.message) : `${String(error.name)}: ${String(error.message)}`;
    return `thrown: ${safeText(error)}`;
  } catch {
    // User code may throw an object whose name, message or toString throws in turn.
    return 'thrown: a value that cannot be shown';
  }
}

function safeText(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
