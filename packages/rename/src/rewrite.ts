import type { NameSpellings } from './project-name.js';

/**
 * Replaces every spelling of the old name with the same spelling of the new one. The context picks the spelling:
 * `LADDER_X`, `Ladder`, `ladderDb`, `ladder_dev` and `ladder-web` each keep their shape.
 */
export function rewriteText(text: string, from: NameSpellings, to: NameSpellings): string {
  return text
    .replace(new RegExp(from.upper, 'g'), to.upper)
    .replace(new RegExp(from.title, 'g'), to.title)
    .replace(new RegExp(`${from.kebab}(?=[A-Z])`, 'g'), to.camel)
    .replace(new RegExp(`${from.snake}(?=_)|(?<=_)${from.snake}`, 'g'), to.snake)
    .replace(new RegExp(from.kebab, 'g'), to.kebab);
}
