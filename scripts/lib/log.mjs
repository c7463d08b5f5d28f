// Console helpers shared by scripts/test.mjs and scripts/start.mjs.
const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function paint(code, text) {
  return useColor ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export const bold = (text) => paint('1', text);
export const dim = (text) => paint('2', text);
export const red = (text) => paint('31', text);
export const green = (text) => paint('32', text);
const yellow = (text) => paint('33', text);
const cyan = (text) => paint('36', text);

/** A banner that stands out in a long CI log. */
export function header(title) {
  const line = '─'.repeat(Math.max(8, 72 - title.length - 4));
  console.log(`\n${bold(cyan(`── ${title} `))}${cyan(line)}`);
}

export function info(message) {
  console.log(`${cyan('›')} ${message}`);
}

export function warn(message) {
  console.log(`${yellow('! warning:')} ${message}`);
}

export function error(message) {
  console.log(`${red('✗ error:')} ${message}`);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
